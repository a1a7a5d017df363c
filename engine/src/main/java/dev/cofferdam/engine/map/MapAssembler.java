package dev.cofferdam.engine.map;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.graph.EdgeCollector;
import dev.cofferdam.engine.graph.StronglyConnected;
import dev.cofferdam.engine.lang.FileFacts;
import dev.cofferdam.engine.lang.LanguageAnalyzer;
import dev.cofferdam.engine.lang.LinkContext;
import dev.cofferdam.engine.scan.BuildLayout;
import dev.cofferdam.engine.scan.FileKinds;
import dev.cofferdam.engine.scan.SourceRoot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the map from every file's facts: source roots (inferred from the facts when there is no
 * build file), linking per language, modules, cycles. Recomputed from all facts on every run, so a
 * type added, moved or removed updates the edges of every other file. Stateless.
 */
final class MapAssembler {
    private final List<LanguageAnalyzer> analyzers;

    MapAssembler(List<LanguageAnalyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    /**
     * Dependencies of unchanged files carried over from the previous map: only {@code relink} files
     * are resolved again. Valid only when no file was added or removed and every changed file
     * declares exactly what it declared before (see {@code LanguageAnalyzer.sameDeclarations}).
     */
    record CarryOver(RepoMap previous, Set<String> relink) {
    }

    RepoMap assemble(String root, String rootName, Collection<FileFacts> allFacts, BuildLayout buildLayout,
                     ProgressListener progress) {
        return assemble(root, rootName, allFacts, buildLayout, progress, null);
    }

    RepoMap assemble(String root, String rootName, Collection<FileFacts> allFacts, BuildLayout buildLayout,
                     ProgressListener progress, CarryOver carryOver) {
        List<FileFacts> facts = allFacts.stream().filter(f -> !f.binary())
                .sorted(Comparator.comparing(FileFacts::path)).toList();
        BuildLayout layout = buildLayout;
        if (layout.modules().isEmpty()) {
            List<SourceRoot> inferred = new ArrayList<>();
            for (LanguageAnalyzer analyzer : analyzers) {
                inferred.addAll(analyzer.inferRoots(facts));
            }
            layout = layout.withRoots(inferred);
        }
        progress.progress("resolving", 0, analyzers.size());
        EdgeCollector collector = new EdgeCollector();
        Set<String> relink = null;
        if (carryOver != null) {
            RepoMap previous = carryOver.previous();
            Map<String, String> fileOfType = new HashMap<>();
            previous.types().forEach(t -> fileOfType.put(t.name(), t.file()));
            collector.keep(previous.edges(), previous.typeEdges(), previous.external(), fileOfType, carryOver.relink());
            relink = carryOver.relink();
        }
        int done = 0;
        for (LanguageAnalyzer analyzer : analyzers) {
            List<FileFacts> mine = facts.stream().filter(f -> f.language().equals(analyzer.language())).toList();
            if (!mine.isEmpty()) {
                analyzer.link(new LinkContext(mine, layout, relink), collector);
            }
            progress.progress("resolving", ++done, analyzers.size());
        }
        List<ModuleClusterer.Item> items = facts.stream().map(f -> new ModuleClusterer.Item(f.path(), f.loc(),
                f.details() != null || analyzers.stream().anyMatch(a -> a.language().equals(f.language())))).toList();
        ModuleClusterer.Assignment modules = new ModuleClusterer().cluster(items, layout, rootName);
        List<SourceFile> files = new ArrayList<>(facts.size());
        for (FileFacts f : facts) {
            files.add(new SourceFile(f.path(), modules.moduleOf().get(f.path()), f.language(), f.loc(),
                    layout.isTest(f.path()), f.generated() || FileKinds.generatedPath(f.path()), List.of(),
                    f.parseErrors()));
        }
        List<Edge> edges = collector.fileEdges();
        List<List<String>> cycles = StronglyConnected.cycles(files.stream().map(SourceFile::path).toList(), edges);
        return new RepoMap(root, modules.modules(), files, collector.types(), edges, collector.typeEdges(),
                collector.external(), cycles);
    }
}
