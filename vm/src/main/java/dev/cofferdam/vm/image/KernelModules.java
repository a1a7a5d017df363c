package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The loadable modules of an unpacked kernel package, and the load order of the ones a guest
 * needs (dependencies first, read from each module's {@code depends=} field, since the package
 * ships no {@code modules.dep}). Modules built into the kernel are skipped. Not thread-safe.
 */
public final class KernelModules {
    private final Map<String, Path> files = new HashMap<>();
    private final Set<String> builtin = new LinkedHashSet<>();

    /** @param moduleDir {@code lib/modules/<release>} inside the unpacked package */
    public KernelModules(Path moduleDir) throws IOException {
        try (Stream<Path> s = Files.walk(moduleDir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".ko"))
                    .forEach(p -> files.put(normalize(p.getFileName().toString().replace(".ko", "")), p));
        }
        Path builtinList = moduleDir.resolve("modules.builtin");
        if (Files.exists(builtinList)) {
            for (String line : Files.readAllLines(builtinList)) {
                String base = line.substring(line.lastIndexOf('/') + 1).replace(".ko", "");
                builtin.add(normalize(base));
            }
        }
    }

    /**
     * Resolves the wanted modules and their dependencies in load order.
     *
     * @throws ImageException when a wanted module is neither built in nor present
     */
    public List<Path> loadOrder(List<String> wanted) throws ImageException, IOException {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (String w : wanted) {
            visit(normalize(w), order, new LinkedHashSet<>());
        }
        List<Path> result = new ArrayList<>();
        for (String m : order) {
            result.add(files.get(m));
        }
        return result;
    }

    private void visit(String name, Set<String> order, Set<String> path) throws ImageException, IOException {
        if (order.contains(name) || builtin.contains(name)) {
            return;
        }
        Path file = files.get(name);
        if (file == null) {
            throw new ImageException("the guest kernel has no module " + name);
        }
        if (!path.add(name)) {
            throw new ImageException("module dependency cycle at " + name);
        }
        for (String dep : depends(file)) {
            visit(dep, order, path);
        }
        order.add(name);
    }

    /** Reads the {@code depends=a,b} string from the module's .modinfo section. */
    static List<String> depends(Path module) throws IOException {
        String text = new String(Files.readAllBytes(module), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\0depends=");
        if (at < 0) {
            return List.of();
        }
        int start = at + "\0depends=".length();
        String value = text.substring(start, text.indexOf('\0', start));
        List<String> deps = new ArrayList<>();
        for (String d : value.split(",")) {
            if (!d.isBlank()) {
                deps.add(normalize(d.strip()));
            }
        }
        return deps;
    }

    private static String normalize(String name) {
        return name.replace('-', '_');
    }
}
