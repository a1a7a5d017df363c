package dev.cofferdam.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the workbench was started with (from {@code cofferdam ui}).
 *
 * @param repository the folder to open; empty: the last one, else the sample
 * @param sample     open the sample repository whatever was opened last
 * @param theme      "light", "dark", or empty for the remembered one
 * @param select     a file path, module id or type name to select after opening, or empty
 * @param screenshot write a PNG of the window there once the graph is painted, then quit
 * @param width      window width, 0 for the remembered one
 * @param height     window height, 0 for the remembered one
 */
public record AppOptions(Optional<Path> repository, boolean sample, String theme, String select,
                         Optional<Path> screenshot, int width, int height) {

    public static final AppOptions DEFAULT = new AppOptions(Optional.empty(), false, "", "", Optional.empty(), 0, 0);

    /** Encodes the options as the raw arguments the JavaFX application receives. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        repository.ifPresent(p -> args.add("--repository=" + p));
        if (sample) {
            args.add("--sample=true");
        }
        args.add("--theme=" + theme);
        args.add("--select=" + select);
        screenshot.ifPresent(p -> args.add("--screenshot=" + p));
        args.add("--width=" + width);
        args.add("--height=" + height);
        return args;
    }

    /** Reads what {@link #toArgs()} wrote (JavaFX named parameters). */
    public static AppOptions fromNamed(Map<String, String> named) {
        return new AppOptions(
                Optional.ofNullable(named.get("repository")).filter(s -> !s.isEmpty()).map(Path::of),
                Boolean.parseBoolean(named.getOrDefault("sample", "false")),
                named.getOrDefault("theme", ""),
                named.getOrDefault("select", ""),
                Optional.ofNullable(named.get("screenshot")).filter(s -> !s.isEmpty()).map(Path::of),
                Integer.parseInt(named.getOrDefault("width", "0")),
                Integer.parseInt(named.getOrDefault("height", "0")));
    }
}
