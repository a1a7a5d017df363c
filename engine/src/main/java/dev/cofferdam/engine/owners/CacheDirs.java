package dev.cofferdam.engine.owners;

import java.nio.file.Path;

/** The user's cache directory for Cofferdam: {@code cofferdam.cache.dir}, else XDG, else ~/.cache. */
final class CacheDirs {
    private CacheDirs() {
    }

    static Path cacheRoot() {
        String prop = System.getProperty("cofferdam.cache.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cofferdam");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cofferdam");
    }
}
