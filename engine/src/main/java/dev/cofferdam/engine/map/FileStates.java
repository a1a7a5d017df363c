package dev.cofferdam.engine.map;

import dev.cofferdam.engine.index.CachedFile;
import dev.cofferdam.engine.scan.ScannedFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/** Content hashes and the fingerprint of a scanned file set. Stateless. */
final class FileStates {
    /** Files modified this recently may change again within the same mtime tick: always confirm by hash. */
    static final long RACY_MILLIS = 2_000;

    private FileStates() {
    }

    /**
     * Content fingerprint for change detection (not security): CRC32C and Adler-32 of the bytes,
     * 8 bytes. Both are intrinsics, so hashing a cold repository costs next to nothing.
     */
    static byte[] contentHash(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        Adler32 adler = new Adler32();
        adler.update(content);
        long a = crc.getValue();
        long b = adler.getValue();
        return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a,
            (byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b};
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static boolean unchanged(CachedFile cached, ScannedFile file, long scanStart) {
        return cached != null && cached.size() == file.size() && cached.mtime() == file.mtime()
                && file.mtime() < scanStart - RACY_MILLIS;
    }

    /**
     * @param version identifies the engine and analyzers (a change invalidates stored maps)
     * @param hashes  content hashes of racy files (by index in {@code files}), or null entries
     */
    static String fingerprint(String version, List<ScannedFile> files, byte[][] hashes) {
        MessageDigest digest = sha256();
        digest.update(version.getBytes(StandardCharsets.UTF_8));
        byte[] numbers = new byte[16];
        for (int i = 0; i < files.size(); i++) {
            ScannedFile f = files.get(i);
            digest.update(f.path().getBytes(StandardCharsets.UTF_8));
            long size = f.size();
            long mtime = f.mtime();
            for (int b = 0; b < 8; b++) {
                numbers[b] = (byte) (size >>> (8 * b));
                numbers[8 + b] = (byte) (mtime >>> (8 * b));
            }
            digest.update(numbers);
            if (hashes[i] != null) {
                digest.update(hashes[i]);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
