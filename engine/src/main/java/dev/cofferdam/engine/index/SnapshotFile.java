package dev.cofferdam.engine.index;

import dev.cofferdam.engine.map.RepoMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of the stored map beside the index ({@code <index>.map}), so that reopening an unchanged
 * repository reads one file and never loads SQLite. Written after the index transaction commits,
 * through a temporary file and an atomic rename; it carries the fingerprint it belongs to, so a
 * stale or damaged copy is simply not used (the index still has the map). Stateless.
 */
public final class SnapshotFile {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);
    private static final int MAGIC = 0x43444d50;

    private SnapshotFile() {
    }

    public static Path of(Path database) {
        return database.resolveSibling(database.getFileName() + ".map");
    }

    /** @return the map when the copy exists and was made from exactly this fingerprint, else null */
    public static RepoMap read(Path database, String fingerprint) {
        byte[] data;
        try {
            data = Files.readAllBytes(of(database));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", of(database), e.toString());
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC || in.readInt() != MapIndex.SCHEMA_VERSION || !in.readUTF().equals(fingerprint)) {
                return null;
            }
            return RepoMapCodec.decode(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            LOG.info("ignoring damaged map copy {}: {}", of(database), e.toString());
            return null;
        }
    }

    /** Replaces the copy atomically; failures only cost speed, so they are logged, not thrown. */
    public static void write(Path database, String fingerprint, byte[] mapBlob) {
        Path target = of(database);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(mapBlob.length + 128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(MapIndex.SCHEMA_VERSION);
            out.writeUTF(fingerprint);
            out.write(mapBlob);
            out.flush();
            Files.write(temp, bytes.toByteArray());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the map copy {}: {}", target, e.toString());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                LOG.debug("cannot remove {}", temp);
            }
        }
    }
}
