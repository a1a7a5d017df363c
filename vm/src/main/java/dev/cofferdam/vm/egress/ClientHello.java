package dev.cofferdam.vm.egress;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads the server name (SNI) from the first bytes of a TLS connection without consuming them.
 * The ClientHello may span several TLS records. Stateless and thread-safe.
 */
final class ClientHello {
    /** Outcome of a peek. */
    enum Kind { NEED_MORE, NOT_TLS, NO_SERVER_NAME, SERVER_NAME }

    /** @param kind the outcome; @param serverName the SNI host name when kind is SERVER_NAME */
    record Peek(Kind kind, String serverName) {
    }

    static final int MAX_BYTES = 64 * 1024;

    private ClientHello() {
    }

    static Peek peek(ByteBuf in) {
        int base = in.readerIndex();
        int avail = in.readableBytes();
        byte[] hs = new byte[Math.min(avail, MAX_BYTES)];
        int hsLen = 0;
        int pos = 0;
        while (true) {
            if (avail - pos < 5) {
                return pos == 0 && avail > 0 && in.getUnsignedByte(base) != 0x16 ? notTls() : more();
            }
            int type = in.getUnsignedByte(base + pos);
            int major = in.getUnsignedByte(base + pos + 1);
            int len = in.getUnsignedShort(base + pos + 3);
            if (type != 0x16 || major != 3 || len == 0 || len > 16384 + 2048) {
                return notTls();
            }
            if (avail - pos - 5 < len) {
                return more();
            }
            if (hsLen + len > hs.length) {
                return avail >= MAX_BYTES ? notTls() : more();
            }
            in.getBytes(base + pos + 5, hs, hsLen, len);
            hsLen += len;
            pos += 5 + len;
            if (hsLen >= 4) {
                if (hs[0] != 1) {
                    return notTls();
                }
                int need = 4 + ((hs[1] & 0xff) << 16 | (hs[2] & 0xff) << 8 | (hs[3] & 0xff));
                if (hsLen >= need) {
                    return serverName(hs, need);
                }
            }
        }
    }

    private static Peek serverName(byte[] b, int end) {
        try {
            int p = 4 + 2 + 32;
            p += 1 + (b[p] & 0xff);
            p += 2 + u16(b, p);
            p += 1 + (b[p] & 0xff);
            if (p + 2 > end) {
                return new Peek(Kind.NO_SERVER_NAME, null);
            }
            int extEnd = p + 2 + u16(b, p);
            p += 2;
            while (p + 4 <= Math.min(extEnd, end)) {
                int type = u16(b, p);
                int len = u16(b, p + 2);
                p += 4;
                if (type == 0) {
                    int q = p + 2;
                    int listEnd = p + 2 + u16(b, p);
                    while (q + 3 <= listEnd) {
                        int nameLen = u16(b, q + 1);
                        if ((b[q] & 0xff) == 0) {
                            return new Peek(Kind.SERVER_NAME,
                                    new String(b, q + 3, nameLen, StandardCharsets.ISO_8859_1));
                        }
                        q += 3 + nameLen;
                    }
                }
                p += len;
            }
            return new Peek(Kind.NO_SERVER_NAME, null);
        } catch (ArrayIndexOutOfBoundsException | StringIndexOutOfBoundsException e) {
            return notTls();
        }
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }

    private static Peek more() {
        return new Peek(Kind.NEED_MORE, null);
    }

    private static Peek notTls() {
        return new Peek(Kind.NOT_TLS, null);
    }
}
