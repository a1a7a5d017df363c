package dev.cofferdam.engine.lang.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Java file during linking: its facts, type entries and import tables. Not thread-safe. */
final class JavaFileScope {
    final String path;
    final JavaFacts facts;
    final TypeEntry[] entries;
    final Map<String, TypeEntry> topLevel = new HashMap<>(4);
    /** simple name → imported qualified name, for single-type imports. */
    final Map<String, String> singleImports = new HashMap<>();
    /** simple name → owner class name, for single static imports. */
    final Map<String, List<String>> staticImports = new HashMap<>();
    final List<String> onDemand = new ArrayList<>();
    final List<String> staticOnDemand = new ArrayList<>();
    /** Memoized file-level resolutions (imports, package, java.lang) by simple name. */
    final Map<String, Resolved> fileLevel = new HashMap<>();

    JavaFileScope(String path, JavaFacts facts) {
        this.path = path;
        this.facts = facts;
        this.entries = new TypeEntry[facts.types().size()];
        for (JavaImport imp : facts.imports()) {
            if (imp.isStatic() && imp.onDemand()) {
                staticOnDemand.add(imp.name());
            } else if (imp.isStatic()) {
                int dot = imp.name().lastIndexOf('.');
                if (dot > 0) {
                    staticImports.computeIfAbsent(imp.name().substring(dot + 1), k -> new ArrayList<>(1))
                            .add(imp.name().substring(0, dot));
                }
            } else if (imp.onDemand()) {
                onDemand.add(imp.name());
            } else {
                singleImports.put(imp.name().substring(imp.name().lastIndexOf('.') + 1), imp.name());
            }
        }
    }

    String packagePrefix() {
        return facts.packageName().isEmpty() ? "" : facts.packageName() + ".";
    }
}
