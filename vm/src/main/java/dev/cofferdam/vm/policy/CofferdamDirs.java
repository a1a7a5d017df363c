package dev.cofferdam.vm.policy;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's XDG directories for Cofferdam. Config: {@code $COFFERDAM_CONFIG_DIR}, else
 * {@code $XDG_CONFIG_HOME/cofferdam}, else {@code ~/.config/cofferdam}. Data:
 * {@code $COFFERDAM_DATA_DIR}, else {@code $XDG_DATA_HOME/cofferdam}, else
 * {@code ~/.local/share/cofferdam}. System properties {@code cofferdam.config.dir} and
 * {@code cofferdam.data.dir} win over the environment (tests). Immutable and thread-safe.
 *
 * @param config the config directory
 * @param data   the data directory
 */
public record CofferdamDirs(Path config, Path data) {

    /** @return the directories for this process */
    public static CofferdamDirs fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    static CofferdamDirs resolve(Map<String, String> env, String home) {
        Path config = pick(System.getProperty("cofferdam.config.dir"), env.get("COFFERDAM_CONFIG_DIR"),
                env.get("XDG_CONFIG_HOME"), Path.of(home, ".config"));
        Path data = pick(System.getProperty("cofferdam.data.dir"), env.get("COFFERDAM_DATA_DIR"),
                env.get("XDG_DATA_HOME"), Path.of(home, ".local", "share"));
        return new CofferdamDirs(config, data);
    }

    private static Path pick(String property, String direct, String xdg, Path fallbackParent) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (direct != null && !direct.isBlank()) {
            return Path.of(direct);
        }
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cofferdam");
        }
        return fallbackParent.resolve("cofferdam");
    }
}
