package dev.cofferdam.vm.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One tool the agent image installs globally with npm, pinned to an exact version (the list lives
 * in the resource {@code agent-tools.txt}). Immutable.
 *
 * @param command        the command it puts on the guest's PATH, e.g. {@code claude}
 * @param pkg            the npm package, e.g. {@code @anthropic-ai/claude-code}
 * @param version        the exact version installed
 * @param runsInstallScript whether the package's own install script runs (others are skipped)
 */
record AgentTool(String command, String pkg, String version, boolean runsInstallScript) {
    static final String RESOURCE = "/dev/cofferdam/vm/image/agent-tools.txt";

    /** {@code package@version}, as npm takes it. */
    String spec() {
        return pkg + "@" + version;
    }

    /** The pinned tools, in install order. */
    static List<AgentTool> pinned() throws IOException {
        return parse(text());
    }

    /** The raw list, mixed into the agent image's version so that an edit rebuilds the image. */
    static String text() throws IOException {
        try (InputStream in = AgentTool.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<AgentTool> parse(String text) throws IOException {
        List<AgentTool> tools = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            boolean scripts = f.length == 4 && f[3].equals("scripts");
            if (f.length < 3 || f.length > 4 || f.length == 4 && !scripts || !f[2].matches("\\d+\\.\\d+\\.\\d+\\S*")) {
                throw new IOException(RESOURCE + " line " + n + ": expected 'command package x.y.z [scripts]': " + raw);
            }
            tools.add(new AgentTool(f[0], f[1], f[2], scripts));
        }
        return tools;
    }
}
