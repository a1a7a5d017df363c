package dev.cofferdam.vm.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzip-compressed cpio archive in the "newc" format, which is what the Linux kernel
 * unpacks as an initramfs. Not thread-safe. Entries are written in call order; parents first.
 */
public final class CpioWriter implements Closeable {
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private final OutputStream out;
    private int inode = 1;
    private long written;

    public CpioWriter(OutputStream target) throws IOException {
        this.out = new GZIPOutputStream(target, 1 << 16);
    }

    public void directory(String path, int mode) throws IOException {
        entry(path, S_IFDIR | mode, new byte[0]);
    }

    public void file(String path, int mode, byte[] content) throws IOException {
        entry(path, S_IFREG | mode, content);
    }

    public void symlink(String path, String target) throws IOException {
        entry(path, S_IFLNK | 0777, target.getBytes(StandardCharsets.UTF_8));
    }

    private void entry(String path, int mode, byte[] data) throws IOException {
        byte[] name = (path + "\0").getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("070701");
        int nlink = (mode & S_IFDIR) != 0 ? 2 : 1;
        long[] fields = {inode++, mode, 0, 0, nlink, 0, data.length, 0, 0, 0, 0, name.length, 0};
        for (long f : fields) {
            h.append(String.format("%08x", f));
        }
        write(h.toString().getBytes(StandardCharsets.US_ASCII));
        write(name);
        pad();
        write(data);
        pad();
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }

    private void pad() throws IOException {
        while (written % 4 != 0) {
            write(new byte[1]);
        }
    }

    @Override
    public void close() throws IOException {
        entry("TRAILER!!!", 0, new byte[0]);
        out.close();
    }
}
