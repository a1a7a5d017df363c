package dev.cofferdam.vm.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the tail of a guest's serial console log. Stateless and thread-safe. */
public final class ConsoleLog {
    private ConsoleLog() {
    }

    /** The last {@code lines} lines, or a note when there is no log. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no console output)";
            }
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).replace("\r", "");
            List<String> all = text.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(console log unreadable: " + e.getMessage() + ")";
        }
    }
}
