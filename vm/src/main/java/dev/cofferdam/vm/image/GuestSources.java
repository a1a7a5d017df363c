package dev.cofferdam.vm.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The guest-side sources shipped as resources (init script, agent, relay). Stateless, thread-safe. */
final class GuestSources {
    static final String INIT = "init";
    static final String AGENT = "agent.c";
    static final String RELAY = "relay.c";
    /** Bumped when the image layout changes in a way the sources do not show. */
    private static final String FORMAT = "tiny-format-1";

    private GuestSources() {
    }

    static byte[] read(String name) throws IOException {
        try (InputStream in = GuestSources.class.getResourceAsStream("/dev/cofferdam/vm/guest/" + name)) {
            if (in == null) {
                throw new IOException("missing guest resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** A short hash over every source and the module list: the image version. */
    static String version(List<String> modules) throws IOException {
        return version(modules, "");
    }

    /** As {@link #version(List)}, with a template's own format string mixed in (empty for tiny). */
    static String version(List<String> modules, String extra) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            for (String name : List.of(INIT, AGENT, RELAY)) {
                md.update(read(name));
            }
            md.update(String.join(",", modules).getBytes(StandardCharsets.UTF_8));
            md.update(extra.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
