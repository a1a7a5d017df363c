package dev.cofferdam.app.init;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command agents should start: the launcher script that runs this process when it said so
 * ({@code -Dcofferdam.launcher}, set by {@code bin/cofferdam}), else {@code cofferdam} from the PATH.
 */
public final class LaunchCommand {
    public static final String PROPERTY = "cofferdam.launcher";

    private LaunchCommand() {
    }

    public static String current() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            Path launcher = Path.of(p).toAbsolutePath().normalize();
            if (Files.isRegularFile(launcher)) {
                return launcher.toString();
            }
        }
        return "cofferdam";
    }
}
