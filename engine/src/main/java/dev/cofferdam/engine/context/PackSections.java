package dev.cofferdam.engine.context;

import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.blast.ModuleImpact;
import dev.cofferdam.engine.blast.RankedFile;
import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Markdown sections shared by the context pack and {@code cofferdam blast --format md}: seeds,
 * blast radius, tests to run, owners, modules, cycles, history. Tiers decide what a budget cuts
 * first. Stateless and thread-safe.
 */
public final class PackSections {
    static final int TOP = 10;

    private PackSections() {
    }

    public static Section seeds(BlastResult r) {
        Section s = new Section("Seeds (" + r.seeds().size() + ")", "seeds");
        for (String seed : r.seeds()) {
            s.add("- `" + seed + "`", s.lines.size() < TOP ? 0 : 2);
        }
        return s;
    }

    public static Section impacted(BlastResult r) {
        Section s = new Section("Blast radius (" + r.impacted().size() + " files, static analysis, best score first)",
                "impacted files");
        for (Impact i : r.impacted()) {
            s.add(impactLine(i), s.lines.size() < TOP ? 1 : s.lines.size() < 3 * TOP ? 2 : 3);
        }
        return s;
    }

    public static Section tests(BlastResult r) {
        Section s = new Section("Tests to run (" + r.tests().size() + ")", "tests");
        for (Impact i : r.tests()) {
            s.add(impactLine(i), s.lines.size() < TOP / 2 ? 1 : s.lines.size() < 2 * TOP ? 2 : 3);
        }
        return s;
    }

    public static Section owners(BlastResult r) {
        Section s = new Section("Owners to notify (most impacted first)", "owners");
        for (String o : r.owners()) {
            s.add("- " + o, s.lines.size() < 5 ? 1 : 3);
        }
        return s;
    }

    /** Modules touched by the blast radius, with impacted file counts. */
    public static Section modulesTouched(BlastResult r) {
        Section s = new Section("Modules touched", "modules touched");
        for (ModuleImpact m : r.modules()) {
            s.add("- `" + m.id() + "`: " + m.files() + " files, top score " + score(m.score()), s.lines.size() < TOP ? 1 : 3);
        }
        return s;
    }

    public static Section cycles(BlastResult r) {
        Section s = new Section("Cycles met (" + r.cycles().size() + ")", "cycles");
        for (List<String> c : r.cycles()) {
            List<String> names = c.stream().map(PackSections::shortName).toList();
            String text = names.size() > 8 ? String.join(" ↔ ", names.subList(0, 8)) + " ↔ … (" + names.size() + " files)"
                    : String.join(" ↔ ", names);
            s.add("- " + text, s.lines.size() < 3 ? 2 : 3);
        }
        return s;
    }

    public static Section history(BlastReport report) {
        Section s = new Section("History: changed together in git (Zimmermann et al. 2004; not in the score)",
                "co-changed files");
        for (CoChange c : report.history()) {
            String also = report.inStaticRadius(c.path()) ? "" : " — not found by static analysis";
            s.add("- `" + c.path() + "` with `" + shortName(c.seed()) + "`: " + c.support() + " commits, confidence "
                    + Math.round(c.confidence() * 100) + "%" + also, s.lines.size() < 5 ? 2 : 3);
        }
        return s;
    }

    /** The combined ranking (static score or history confidence, whichever is higher). */
    public static Section combined(BlastReport report) {
        Section s = new Section("Most likely to change with the seeds (static score or history confidence, the higher)",
                "combined-ranking files");
        if (report.history().isEmpty()) {
            return s; // the same order as the blast radius: nothing to add
        }
        for (RankedFile f : report.combined(3 * TOP)) {
            StringBuilder sb = new StringBuilder("- `").append(f.path()).append("` ").append(score(f.score()));
            sb.append(f.staticScore() != null ? " · static " + score(f.staticScore()) : "");
            sb.append(f.historyConfidence() != null
                    ? " · history " + Math.round(f.historyConfidence() * 100) + "%" : "");
            s.add(sb.toString(), s.lines.size() < TOP ? 1 : 3);
        }
        return s;
    }

    /** The module map: every module with its kind, size, module-level dependencies and owners; touched ones first. */
    public static Section moduleMap(RepoMap map, BlastResult r) {
        Map<String, String> moduleOf = new HashMap<>();
        for (SourceFile f : map.files()) {
            moduleOf.put(f.path(), f.module());
        }
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Edge e : map.edges()) {
            String a = moduleOf.get(e.from());
            String b = moduleOf.get(e.to());
            if (a != null && b != null && !a.equals(b)) {
                deps.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            }
        }
        Set<String> touched = new HashSet<>();
        r.modules().forEach(m -> touched.add(m.id()));
        r.seeds().forEach(p -> {
            if (moduleOf.containsKey(p)) {
                touched.add(moduleOf.get(p));
            }
        });
        List<Module> ordered = new ArrayList<>();
        map.modules().stream().filter(m -> touched.contains(m.id())).forEach(ordered::add);
        map.modules().stream().filter(m -> !touched.contains(m.id())).forEach(ordered::add);
        Section s = new Section("Module map (" + map.modules().size() + " modules, touched first)", "modules");
        for (Module m : ordered) {
            StringBuilder sb = new StringBuilder("- `").append(m.id()).append('`');
            if (!m.name().equals(m.id())) {
                sb.append(" ").append(m.name());
            }
            sb.append(" (").append(m.kind().name().toLowerCase(Locale.ROOT)).append(", ").append(m.files())
                    .append(" files, ").append(m.loc()).append(" loc)");
            Set<String> d = deps.getOrDefault(m.id(), Set.of());
            if (!d.isEmpty()) {
                sb.append(" → ").append(String.join(", ", d));
            }
            if (!m.owners().isEmpty()) {
                sb.append(" · owners ").append(String.join(", ", m.owners().subList(0, Math.min(3, m.owners().size()))));
            }
            s.add(sb.toString(), touched.contains(m.id()) ? (s.lines.size() < TOP ? 1 : 2) : 3);
        }
        return s;
    }

    static String impactLine(Impact i) {
        StringBuilder sb = new StringBuilder("- `").append(i.path()).append("` d").append(i.distance())
                .append(" · ").append(score(i.score()));
        if (i.module() != null) {
            sb.append(" · ").append(i.module());
        }
        if (i.via().size() > 2) {
            sb.append(" · via ").append(String.join(" → ", i.via().subList(0, i.via().size() - 1).stream()
                    .map(PackSections::shortName).toList()));
        }
        if (!i.owners().isEmpty()) {
            sb.append(" · ").append(String.join(" ", i.owners()));
        }
        return sb.toString();
    }

    static String score(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** The file name without directories: {@code core/Api.java} → {@code Api.java}. */
    static String shortName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
