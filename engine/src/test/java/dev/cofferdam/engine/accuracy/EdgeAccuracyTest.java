package dev.cofferdam.engine.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.bench.Corpora;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.RepoMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our file edges against the bytecode oracle ({@link BytecodeOracle}) on two libraries nobody here
 * wrote; the build copies their sources and class jars into target/corpora.
 *
 * <p>The oracle tags every pair with the reasons the bytecode has it ({@link BytecodeOracle.Why}).
 * Two figures are printed and asserted: against the full oracle (a floor at the level reached, so
 * regressions show), and against the source-visible oracle, which leaves out, on both sides, the
 * pairs whose only reasons are ones javac adds although the source neither names nor uses the type
 * (evidence from guava 33.5.0 and commons-lang3 3.17.0):
 * <ul>
 * <li>Bridge methods ({@code BRIDGE}): javac generates them with the erased signature of the
 * overridden method. {@code cache/ForwardingLoadingCache -> cache/Cache}: the source declares
 * {@code LoadingCache<K, V> delegate()}; the bridge {@code Cache delegate()} names the return type of
 * ForwardingCache's method. {@code collect/EnumBiMap -> collect/ParametricNullness}: the bridge
 * carries the annotation of the overridden method, EnumBiMap.java never mentions it.</li>
 * <li>Lambda and method-reference plumbing ({@code LAMBDA}): invokedynamic call-site and
 * instantiated method types, bootstrap arguments, and the descriptors of the synthetic
 * {@code lambda$} methods, all inferred from the target type. {@code collect/CollectCollectors ->
 * collect/ListMultimap}: {@code ImmutableListMultimap::copyOf} is instantiated at
 * {@code ListMultimap}, a type only type inference supplies.</li>
 * </ul>
 * Everything else stays in: the owners of members, the return types of invoked methods (used or
 * discarded; a caller of {@code a.b().c()} depends on b's return type), the parameter types of
 * invoked methods and constructors (javac resolves them to check the arguments:
 * {@code graph/ImmutableGraph -> graph/AbstractGraphBuilder} through
 * {@code new StandardValueGraph<>(GraphBuilder.from(graph), ...)}, whose constructor declares
 * AbstractGraphBuilder), and the types of fields read and written.
 *
 * <p>On our side (precision), both figures leave nothing out of the full oracle; the source-visible
 * one leaves out the pairs above and two classes javac does not record: edges whose only evidence is
 * an import, which javac drops when the name is used only in Javadoc ({@code time/StopWatch ->
 * function/FailableConsumer}, imported for {@code @see DurationUtils#of(FailableConsumer)}), yet the
 * file does not compile without the imported type; and uses of compile-time constants, which javac
 * inlines ({@code AnnotationUtils -> StringUtils} through {@code StringUtils.EMPTY},
 * {@code time/GmtTimeZone -> time/TimeZones} through {@code TimeZones.GMT_ID}).
 *
 * <p>The details file (target/accuracy-ARTIFACT.txt) lists the full-oracle misses counted by their
 * set of reasons, then every miss with its reasons.
 */
class EdgeAccuracyTest {
    private static final Set<BytecodeOracle.Why> SOURCE_VISIBLE = EnumSet.complementOf(EnumSet.of(
            BytecodeOracle.Why.BRIDGE, BytecodeOracle.Why.LAMBDA));
    private static final Set<EdgeKind> IMPORT_KINDS = EnumSet.of(EdgeKind.IMPORT, EdgeKind.STATIC_IMPORT);

    @TempDir
    Path temp;

    private record Score(double recall, double precision, int expected, int ours, Set<List<String>> missed,
                         Set<List<String>> extra) {
    }

    @Test
    void guavaEdgesMatchTheBytecode() throws Exception {
        measure(Corpora.GUAVA, 0.985, 0.985);
    }

    @Test
    void commonsLang3EdgesMatchTheBytecode() throws Exception {
        measure(Corpora.LANG3, 0.995, 0.95);
    }

    /**
     * @param floorRecall    full-oracle recall reached, rounded down to a multiple of 0.005
     * @param floorPrecision full-oracle precision reached, rounded down likewise
     */
    private void measure(String artifact, double floorRecall, double floorPrecision) throws Exception {
        Optional<Path> corpora = Corpora.dir();
        assumeTrue(corpora.isPresent(), "corpora missing: run the build's generate-test-resources phase (engine/target/corpora)");
        Path sources = Corpora.unpackSources(Corpora.sourcesJar(corpora.get(), artifact), temp.resolve("src"));
        RepoMap map = new IndexedMapService(temp.resolve("cache")).map(sources, ProgressListener.NONE);
        Path jar = Corpora.classesJar(corpora.get(), artifact);

        BytecodeOracle.Result oracle = BytecodeOracle.read(jar);
        Score full = score(map, oracle, oracle.edges().keySet(), Set.of());
        Set<List<String>> visible = oracle.pairs(SOURCE_VISIBLE);
        Set<List<String>> invisible = invisibleInBytecode(map, oracle, visible, sources);
        Score refined = score(map, oracle, visible, invisible);

        Path report = Path.of("target", "accuracy-" + artifact + ".txt");
        Files.createDirectories(report.getParent());
        StringBuilder text = new StringBuilder();
        text.append(line(artifact + " full bytecode", full)).append(line(artifact + " source-visible", refined));
        missesByReason(full.missed(), oracle).forEach((why, n) -> text.append("full-oracle misses by reason ")
                .append(why).append(": ").append(n).append('\n'));
        BytecodeOracle.sorted(full.missed()).forEach(s -> text.append("missed-full ").append(s).append(' ')
                .append(oracle.edges().get(List.of(s.split(" -> ")))).append('\n'));
        BytecodeOracle.sorted(refined.missed()).forEach(s -> text.append("missed ").append(s).append('\n'));
        BytecodeOracle.sorted(refined.extra()).forEach(s -> text.append("extra ").append(s).append('\n'));
        BytecodeOracle.sorted(invisible).forEach(s -> text.append("excluded ").append(s).append('\n'));
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.print(line(artifact + " full bytecode", full) + line(artifact + " source-visible", refined)
                + "  details: " + report.toAbsolutePath() + "\n");
        assertThat(refined.recall()).as("source-visible recall of " + artifact).isGreaterThanOrEqualTo(0.99);
        assertThat(refined.precision()).as("source-visible precision of " + artifact).isGreaterThanOrEqualTo(0.98);
        assertThat(full.recall()).as("full-oracle recall of " + artifact).isGreaterThanOrEqualTo(floorRecall);
        assertThat(full.precision()).as("full-oracle precision of " + artifact).isGreaterThanOrEqualTo(floorPrecision);
    }

    private static String line(String label, Score s) {
        return String.format(Locale.ROOT, "%s: recall %.4f precision %.4f (oracle %d pairs, ours %d)%n", label,
                s.recall(), s.precision(), s.expected(), s.ours());
    }

    /** Misses counted by the exact set of reasons the bytecode has for the pair. */
    private static Map<String, Integer> missesByReason(Set<List<String>> missed, BytecodeOracle.Result oracle) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        missed.forEach(pair -> counts.merge(oracle.edges().get(pair).toString(), 1, Integer::sum));
        return counts;
    }

    private static Score score(RepoMap map, BytecodeOracle.Result oracle, Set<List<String>> oracleEdges,
                               Set<List<String>> excluded) {
        Set<String> compiledFiles = new HashSet<>(oracle.fileOfClass().values());
        Set<String> sourceFiles = new HashSet<>();
        map.files().forEach(f -> sourceFiles.add(f.path()));
        Set<List<String>> expected = new HashSet<>();
        for (List<String> pair : oracleEdges) {
            if (sourceFiles.contains(pair.get(0)) && sourceFiles.contains(pair.get(1))) {
                expected.add(pair);
            }
        }
        Set<List<String>> ours = new HashSet<>();
        for (Edge e : map.edges()) {
            List<String> pair = List.of(e.from(), e.to());
            if (compiledFiles.contains(e.from()) && compiledFiles.contains(e.to()) && !excluded.contains(pair)) {
                ours.add(pair);
            }
        }
        Set<List<String>> hit = new HashSet<>(ours);
        hit.retainAll(expected);
        Set<List<String>> missed = new HashSet<>(expected);
        missed.removeAll(ours);
        Set<List<String>> extra = new HashSet<>(ours);
        extra.removeAll(expected);
        return new Score((double) hit.size() / expected.size(), (double) hit.size() / ours.size(), expected.size(),
                ours.size(), missed, extra);
    }

    /**
     * Our pairs that bytecode cannot show, by rule: import-only edges, and files that use a
     * compile-time constant of the target ({@code Target.NAME} where the target's class file gives
     * NAME a ConstantValue).
     */
    private static Set<List<String>> invisibleInBytecode(RepoMap map, BytecodeOracle.Result oracle,
                                                         Set<List<String>> visible, Path sources) throws IOException {
        Map<List<String>, Set<EdgeKind>> kinds = new HashMap<>();
        map.edges().forEach(e -> kinds.computeIfAbsent(List.of(e.from(), e.to()), k -> EnumSet.noneOf(EdgeKind.class))
                .add(e.kind()));
        Map<String, List<JavaType>> typesByFile = new HashMap<>();
        map.types().forEach(t -> typesByFile.computeIfAbsent(t.file(), k -> new java.util.ArrayList<>()).add(t));
        Set<List<String>> invisible = new HashSet<>();
        for (var entry : kinds.entrySet()) {
            List<String> pair = entry.getKey();
            if (visible.contains(pair)) {
                continue;
            }
            if (oracle.edges().containsKey(pair)
                    || IMPORT_KINDS.containsAll(entry.getValue())
                    || usesConstant(sources.resolve(pair.get(0)), typesByFile.getOrDefault(pair.get(1), List.of()), oracle)) {
                invisible.add(pair);
            }
        }
        return invisible;
    }

    private static boolean usesConstant(Path from, List<JavaType> targetTypes, BytecodeOracle.Result oracle)
            throws IOException {
        String text = Files.readString(from, StandardCharsets.UTF_8);
        for (JavaType type : targetTypes) {
            String internal = internalName(type, oracle);
            Set<String> constants = oracle.constants().getOrDefault(internal, Set.of());
            String simple = type.name().substring(type.name().lastIndexOf('.') + 1);
            Matcher m = Pattern.compile("\\b" + Pattern.quote(simple) + "\\s*\\.\\s*(\\w+)").matcher(text);
            while (m.find()) {
                if (constants.contains(m.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** a.b.Outer.Inner → a/b/Outer$Inner, using the classes the oracle knows. */
    private static String internalName(JavaType type, BytecodeOracle.Result oracle) {
        String name = type.name().replace('.', '/');
        while (!oracle.fileOfClass().containsKey(name) && name.contains("/")) {
            int slash = name.lastIndexOf('/');
            name = name.substring(0, slash) + "$" + name.substring(slash + 1);
            if (oracle.fileOfClass().containsKey(name)) {
                return name;
            }
            if (!name.contains("/")) {
                break;
            }
        }
        return name;
    }
}
