package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The optional egress-log input of {@code trace report}: distinct hosts in a JSON-lines log, read
 * from the first of the fields "host", "authority", "dest". Provisional: the egress log belongs to
 * the vm layer, which the engine cannot depend on, so the app joins them here; when vm publishes its
 * log reader this class should delegate to it.
 */
final class EgressLogHosts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EgressLogHosts() {
    }

    static List<String> read(Path log) throws IOException {
        Set<String> hosts = new LinkedHashSet<>();
        try (BufferedReader r = Files.newBufferedReader(log)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                for (String f : new String[] {"host", "authority", "dest"}) {
                    if (n != null && n.hasNonNull(f)) {
                        hosts.add(n.get(f).asText());
                        break;
                    }
                }
            }
        }
        return new ArrayList<>(hosts);
    }
}
