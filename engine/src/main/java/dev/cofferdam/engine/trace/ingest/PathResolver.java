package dev.cofferdam.engine.trace.ingest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Resolves paths written by an agent against the session's working directory. Thread-safe. */
public final class PathResolver {
    private PathResolver() {
    }

    /**
     * @return the path made absolute against cwd and normalized; as written when it is absolute
     *         already, starts with '~' or '$', or cwd is unknown
     */
    public static String resolve(String path, String cwd) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        try {
            if (path.startsWith("/")) {
                return Path.of(path).normalize().toString();
            }
            if (cwd == null || path.startsWith("~") || path.startsWith("$")) {
                return path;
            }
            return Path.of(cwd).resolve(path).normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
