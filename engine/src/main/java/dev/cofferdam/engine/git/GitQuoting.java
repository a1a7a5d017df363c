package dev.cofferdam.engine.git;

import java.util.ArrayList;
import java.util.List;

/** Undoes git's quoting of unusual path names. Stateless and thread-safe. */
public final class GitQuoting {
    private GitQuoting() {
    }

    /** Git's C-style quoting: {@code "a/sp\303\251cial"} (octal bytes in UTF-8). */
    public static String unquote(String s) {
        if (s.length() < 2 || !s.startsWith("\"") || !s.endsWith("\"")) {
            return s;
        }
        List<Byte> bytes = new ArrayList<>();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length() - 1) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    bytes.add(b);
                }
                continue;
            }
            char n = s.charAt(++i);
            if (n >= '0' && n <= '7' && i + 2 < s.length() - 1) {
                bytes.add((byte) Integer.parseInt(s.substring(i, i + 3), 8));
                i += 2;
            } else {
                bytes.add((byte) switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            }
        }
        byte[] arr = new byte[bytes.size()];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = bytes.get(i);
        }
        return new String(arr, java.nio.charset.StandardCharsets.UTF_8);
    }

}
