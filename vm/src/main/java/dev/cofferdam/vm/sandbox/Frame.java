package dev.cofferdam.vm.sandbox;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One frame of the exec channel: type (1 byte), id (4 bytes), length (4 bytes), payload;
 * integers big endian. Immutable.
 */
record Frame(FrameType type, int id, byte[] payload) {
    static final int HEADER = 9;
    static final int MAX_PAYLOAD = 65536;

    void writeTo(OutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.put((byte) type.code).putInt(id).putInt(payload.length).put(payload);
        out.write(b.array());
        out.flush();
    }

    static Frame readFrom(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int type;
        try {
            type = d.readUnsignedByte();
        } catch (EOFException e) {
            throw new EOFException("the guest agent closed the channel");
        }
        int id = d.readInt();
        int len = d.readInt();
        if (len < 0 || len > MAX_PAYLOAD) {
            throw new IOException("bad frame length " + len);
        }
        byte[] payload = new byte[len];
        d.readFully(payload);
        return new Frame(FrameType.of(type), id, payload);
    }

    /**
     * EXEC payload: flags ({@code pROWSxCOLS} for a terminal), cwd, env entries, an empty string,
     * argv; each NUL-terminated.
     */
    static byte[] execPayload(Optional<TerminalSize> tty, String cwd, Map<String, String> env, List<String> argv) {
        StringBuilder s = new StringBuilder();
        tty.ifPresent(t -> s.append('p').append(t.rows()).append('x').append(t.cols()));
        s.append('\0').append(cwd).append('\0');
        env.forEach((k, v) -> s.append(k).append('=').append(v).append('\0'));
        s.append('\0');
        argv.forEach(a -> s.append(a).append('\0'));
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("command and environment exceed " + MAX_PAYLOAD + " bytes");
        }
        return bytes;
    }

    /** RESIZE payload: rows and columns, two bytes each. */
    static byte[] resizePayload(TerminalSize size) {
        return ByteBuffer.allocate(4).putShort((short) size.rows()).putShort((short) size.cols()).array();
    }

    /** SIGNAL payload: the Linux signal number in one byte. */
    static byte[] signalPayload(int signal) {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("not a signal number: " + signal);
        }
        return new byte[] {(byte) signal};
    }

    int exitCode() {
        return ByteBuffer.wrap(payload).getInt();
    }

    String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
