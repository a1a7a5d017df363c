package dev.cofferdam.app.logging;

import java.nio.file.Path;

/**
 * Where the application log goes: the system property {@code cofferdam.log.file} when set, else
 * {@code $XDG_STATE_HOME/cofferdam/cofferdam.log}, else {@code ~/.local/state/cofferdam/cofferdam.log}.
 */
public final class LogFiles {
    public static final String PROPERTY = "cofferdam.log.file";

    private LogFiles() {
    }

    public static Path logFile() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cofferdam", "cofferdam.log");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "cofferdam", "cofferdam.log");
    }
}
