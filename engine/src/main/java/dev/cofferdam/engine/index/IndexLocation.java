package dev.cofferdam.engine.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where map indexes live: {@code <cache>/maps/<folder>-<hash of the real root path>.db}, with the
 * cache directory from the system property {@code cofferdam.cache.dir}, else
 * {@code $XDG_CACHE_HOME/cofferdam}, else {@code ~/.cache/cofferdam}. Stateless.
 */
public final class IndexLocation {
    public static final String CACHE_DIR_PROPERTY = "cofferdam.cache.dir";

    private IndexLocation() {
    }

    public static Path defaultCacheDir() {
        String property = System.getProperty(CACHE_DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cofferdam");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cofferdam");
    }

    /** @param realRoot the repository root, already resolved with {@code toRealPath()} */
    public static Path databaseFor(Path cacheDir, Path realRoot) {
        String hash;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(realRoot.toString().getBytes(StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        Path name = realRoot.getFileName();
        String folder = name == null ? "root" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return cacheDir.resolve("maps").resolve(folder + "-" + hash + ".db");
    }
}
