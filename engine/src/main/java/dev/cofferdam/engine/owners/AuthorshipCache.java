package dev.cofferdam.engine.owners;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorship results on disk, one TSV file per (repository root, HEAD commit):
 * {@code <dir>/authorship/<hash of root>-<commit>.<format>.tsv}, lines {@code path TAB author TAB score},
 * authors of a file in score order. Written to a temporary file and moved into place, so a
 * reader never sees half a file. A broken file is ignored and recomputed. Thread-safe.
 */
final class AuthorshipCache {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorshipCache.class);
    /** Bumped when what is computed changes, so older files are not read. */
    private static final String FORMAT = "v2";
    private final Path dir;

    AuthorshipCache(Path cacheRoot) {
        this.dir = cacheRoot == null ? null : cacheRoot.resolve("authorship");
    }

    Optional<Map<String, List<AuthorScore>>> get(Path root, String head) {
        if (dir == null) {
            return Optional.empty();
        }
        Path f = file(root, head);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Map<String, List<AuthorScore>> out = new LinkedHashMap<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] p = line.split("\t");
                if (p.length != 3) {
                    throw new IOException("bad line: " + line);
                }
                out.computeIfAbsent(p[0], k -> new ArrayList<>()).add(new AuthorScore(p[1], Double.parseDouble(p[2])));
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return Optional.of(out);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("ignoring broken authorship cache {}: {}", f, e.toString());
            return Optional.empty();
        }
    }

    void put(Path root, String head, Map<String, List<AuthorScore>> authorship) {
        if (dir == null) {
            return;
        }
        Path f = file(root, head);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "authorship", ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, List<AuthorScore>> e : authorship.entrySet()) {
                    if (e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0) {
                        continue;
                    }
                    for (AuthorScore a : e.getValue()) {
                        w.write(e.getKey() + "\t" + a.author() + "\t" + a.score() + "\n");
                    }
                }
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write authorship cache {}: {}", f, e.toString());
        }
    }

    Path file(Path root, String head) {
        return dir.resolve(hash(root.toAbsolutePath().normalize().toString()) + "-" + head + "." + FORMAT + ".tsv");
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
