package dev.cofferdam.vm.sandbox;

import java.nio.file.Path;

/**
 * Where vm state lives: {@code data} (sandbox database and per-sandbox directories) and
 * {@code cache} (guest images, the KVM verdict). Immutable.
 */
public record VmDirs(Path data, Path cache) {

    /** XDG locations: {@code $XDG_DATA_HOME/cofferdam} and {@code $XDG_CACHE_HOME/cofferdam}. */
    public static VmDirs defaults() {
        return new VmDirs(xdg("XDG_DATA_HOME", ".local/share"), xdg("XDG_CACHE_HOME", ".cache"));
    }

    public Path images() {
        return cache.resolve("images");
    }

    public Path database() {
        return data.resolve("sandboxes.db");
    }

    public Path sandboxDir(String name) {
        return data.resolve("sandboxes").resolve(name);
    }

    private static Path xdg(String variable, String fallback) {
        String v = System.getenv(variable);
        Path base = v != null && !v.isBlank() ? Path.of(v) : Path.of(System.getProperty("user.home")).resolve(fallback);
        return base.resolve("cofferdam");
    }
}
