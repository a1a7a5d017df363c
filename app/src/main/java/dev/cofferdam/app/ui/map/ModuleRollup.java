package dev.cofferdam.app.ui.map;

import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules the workbench draws. When a repository has two or more build modules (Maven or
 * Gradle, the root aside), the package clusters the engine found inside a build module are rolled
 * up into it, so the first picture is the build's own structure (api, core, web, ...) with its
 * files, lines and owners summed. Otherwise the engine's modules are shown as they are.
 * Pure; thread-safe.
 */
final class ModuleRollup {
    private ModuleRollup() {
    }

    /** Display module id of every module id of the map. */
    static Map<String, String> displayOf(RepoMap map) {
        List<Module> builds = map.modules().stream()
                .filter(m -> (m.kind() == ModuleKind.MAVEN || m.kind() == ModuleKind.GRADLE) && !m.path().equals("."))
                .toList();
        Map<String, String> display = new HashMap<>();
        for (Module m : map.modules()) {
            String target = m.id();
            if (builds.size() >= 2) {
                int best = -1;
                for (Module b : builds) {
                    if ((m.path() + "/").startsWith(b.path() + "/") && b.path().length() > best) {
                        target = b.id();
                        best = b.path().length();
                    }
                }
            }
            display.put(m.id(), target);
        }
        return display;
    }

    /** The display modules with files, lines and owners summed over what was rolled into them. */
    static Map<String, Module> modules(RepoMap map, Map<String, String> display, Map<String, List<SourceFile>> files) {
        Map<String, Module> byId = new HashMap<>();
        map.modules().forEach(m -> byId.put(m.id(), m));
        Map<String, Module> result = new LinkedHashMap<>();
        for (Module m : map.modules()) {
            if (!display.get(m.id()).equals(m.id())) {
                continue;
            }
            List<SourceFile> own = files.getOrDefault(m.id(), List.of());
            if (own.size() == m.files() && display.values().stream().filter(m.id()::equals).count() == 1) {
                result.put(m.id(), m);
                continue;
            }
            int loc = own.stream().mapToInt(SourceFile::loc).sum();
            Map<String, Integer> owners = new LinkedHashMap<>();
            m.owners().forEach(o -> owners.merge(o, 1, Integer::sum));
            own.forEach(f -> f.owners().forEach(o -> owners.merge(o, 1, Integer::sum)));
            List<String> ranked = new ArrayList<>(owners.keySet());
            ranked.sort((a, b) -> owners.get(b) - owners.get(a));
            result.put(m.id(), new Module(m.id(), m.name(), m.kind(), m.path(), own.size(), loc,
                    ranked.subList(0, Math.min(5, ranked.size()))));
        }
        return result;
    }
}
