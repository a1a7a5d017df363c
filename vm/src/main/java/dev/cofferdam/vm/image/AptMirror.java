package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian mirror the host's apt is configured with, read from {@code sources.list} (one-line
 * format) and {@code sources.list.d/*.sources} (deb822 format). Only {@code deb} entries with a
 * {@code http(s)} URI whose suites include the wanted one count. Stateless and thread-safe.
 */
public final class AptMirror {
    private AptMirror() {
    }

    /**
     * The first mirror that serves {@code suite}, searching {@code etcApt/sources.list} then the
     * {@code .list} and {@code .sources} files of {@code etcApt/sources.list.d} in name order.
     *
     * @throws ImageException when no configured source serves the suite
     */
    public static String find(Path etcApt, String suite) throws ImageException, IOException {
        return find(etcApt, List.of(suite));
    }

    /**
     * The first mirror serving one of {@code suites}, tried in order: a Debian mirror serves every
     * release, so one configured for the host's own release also serves a newer one.
     *
     * @throws ImageException when no configured source serves any of them (naming the first)
     */
    public static String find(Path etcApt, List<String> suites) throws ImageException, IOException {
        List<Path> files = new ArrayList<>();
        files.add(etcApt.resolve("sources.list"));
        Path dir = etcApt.resolve("sources.list.d");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources"))
                        .sorted().forEach(files::add);
            }
        }
        for (String suite : suites) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                Optional<String> found = f.toString().endsWith(".sources") ? fromDeb822(lines, suite) : fromOneLine(lines, suite);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new ImageException("no apt source for Debian " + suites.get(0) + " in " + etcApt
                + " (sources.list or sources.list.d/*.sources): configure one to build the agent image");
    }

    static Optional<String> fromOneLine(List<String> lines, String suite) {
        for (String raw : lines) {
            String line = raw.replaceAll("#.*", "").replaceAll("\\[[^]]*]", " ").strip();
            String[] f = line.split("\\s+");
            if (f.length >= 3 && f[0].equals("deb") && isHttp(f[1]) && f[2].equals(suite)) {
                return Optional.of(f[1]);
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromDeb822(List<String> lines, String suite) {
        List<String> stanza = new ArrayList<>();
        for (String raw : lines) {
            if (raw.isBlank()) {
                Optional<String> m = stanza(stanza, suite);
                if (m.isPresent()) {
                    return m;
                }
                stanza.clear();
            } else if (!raw.startsWith("#")) {
                stanza.add(raw);
            }
        }
        return stanza(stanza, suite);
    }

    private static Optional<String> stanza(List<String> fields, String suite) {
        List<String> types = List.of();
        List<String> uris = List.of();
        List<String> suites = List.of();
        boolean enabled = true;
        for (String line : fields) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            List<String> values = List.of(line.substring(colon + 1).strip().split("\\s+"));
            switch (key) {
                case "types" -> types = values;
                case "uris" -> uris = values;
                case "suites" -> suites = values;
                case "enabled" -> enabled = !values.get(0).equalsIgnoreCase("no");
                default -> { }
            }
        }
        if (enabled && types.contains("deb") && suites.contains(suite)) {
            return uris.stream().filter(AptMirror::isHttp).findFirst();
        }
        return Optional.empty();
    }

    private static boolean isHttp(String uri) {
        return uri.startsWith("http://") || uri.startsWith("https://");
    }
}
