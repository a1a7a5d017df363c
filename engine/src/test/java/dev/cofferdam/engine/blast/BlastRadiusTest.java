package dev.cofferdam.engine.blast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.git.ChangeKind;
import dev.cofferdam.engine.git.ChangedFile;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.testing.Maps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BlastRadiusTest {
    /**
     * core/Api is the seed. Heavy imports it and uses it ten times; Light only imports it; Sub
     * extends it; Chain2 imports Light; Chain3 and Chain2 import each other (a cycle); ApiTest
     * tests Api; Unrelated uses nothing.
     */
    static RepoMap sample() {
        return new Maps("/repo").module("core", "core-lib").module("app", "app")
                .file("core/Api.java", "core", false, "@api")
                .file("core/Heavy.java", "core", false, "@heavy")
                .file("core/Light.java", "core", false, "@light")
                .file("core/Sub.java", "core", false, "@heavy")
                .file("core/ApiTest.java", "core", true, "@qa")
                .file("app/Chain2.java", "app", false, "@light")
                .file("app/Chain3.java", "app", false)
                .file("app/Unrelated.java", "app", false, "@nobody")
                .type("core.Api", "core/Api.java").type("core.Heavy", "core/Heavy.java")
                .type("app.Chain2", "app/Chain2.java").type("core.Api.Nested", "core/Api.java")
                .edge("core/Heavy.java", "core/Api.java", EdgeKind.IMPORT, 1)
                .edge("core/Heavy.java", "core/Api.java", EdgeKind.REFERENCE, 10)
                .edge("core/Light.java", "core/Api.java", EdgeKind.IMPORT, 1)
                .edge("core/Sub.java", "core/Api.java", EdgeKind.EXTENDS, 1)
                .edge("core/ApiTest.java", "core/Api.java", EdgeKind.REFERENCE, 3)
                .edge("app/Chain2.java", "core/Light.java", EdgeKind.IMPORT, 1)
                .edge("app/Chain3.java", "app/Chain2.java", EdgeKind.IMPORT, 1)
                .edge("app/Chain2.java", "app/Chain3.java", EdgeKind.IMPORT, 1)
                .edge("app/Unrelated.java", "app/Unrelated.java", EdgeKind.REFERENCE, 2)
                .cycle("app/Chain2.java", "app/Chain3.java")
                .build();
    }

    @Test
    void manyUsesOutrankAChainAndTestsAreApart() throws Exception {
        BlastResult r = new BlastRadius(sample()).compute(new BlastQuery(List.of("core/Api.java"), 0));
        assertThat(r.seeds()).containsExactly("core/Api.java");
        assertThat(r.impacted()).extracting(Impact::path)
                .containsExactly("core/Sub.java", "core/Heavy.java", "core/Light.java", "app/Chain2.java", "app/Chain3.java");
        Impact heavy = r.impacted().get(1);
        assertThat(heavy.distance()).isEqualTo(1);
        assertThat(heavy.score()).isCloseTo(0.8 * (1 - 0.75 * Math.pow(0.85, 10)), within(1e-9));
        assertThat(heavy.via()).containsExactly("core/Api.java", "core/Heavy.java");
        assertThat(heavy.owners()).containsExactly("@heavy");
        assertThat(heavy.module()).isEqualTo("core");
        Impact chain2 = r.impacted().get(3);
        assertThat(chain2.distance()).isEqualTo(2);
        assertThat(chain2.score()).isCloseTo(0.2 * 0.2, within(1e-9));
        assertThat(chain2.via()).containsExactly("core/Api.java", "core/Light.java", "app/Chain2.java");
        assertThat(r.impacted().get(4).distance()).isEqualTo(3);
        assertThat(r.impacted()).noneMatch(Impact::test);
        assertThat(r.tests()).extracting(Impact::path).containsExactly("core/ApiTest.java");
        assertThat(r.tests().get(0).test()).isTrue();
    }

    @Test
    void modulesOwnersAndCycles() throws Exception {
        BlastResult r = new BlastRadius(sample()).compute(new BlastQuery(List.of("core/Api.java"), 0));
        assertThat(r.modules()).extracting(ModuleImpact::id, ModuleImpact::files)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("core", 4), org.assertj.core.groups.Tuple.tuple("app", 2));
        assertThat(r.modules().get(0).score()).isCloseTo(0.8 * 0.9, within(1e-9));
        assertThat(r.modules().get(1).score()).isCloseTo(0.04, within(1e-9));
        // @heavy: Sub 0.72 + Heavy 0.68; @api owns the seed (1.0); @qa ApiTest; @light Light 0.2 + Chain2 0.04
        assertThat(r.owners()).containsExactly("@heavy", "@api", "@qa", "@light");
        assertThat(r.cycles()).containsExactly(List.of("app/Chain2.java", "app/Chain3.java"));
        assertThat(r.owners()).doesNotContain("@nobody");
    }

    @Test
    void depthLimitsTheWalk() throws Exception {
        BlastRadius radius = new BlastRadius(sample());
        BlastResult one = radius.compute(new BlastQuery(List.of("core/Api.java"), 1));
        assertThat(one.impacted()).extracting(Impact::path).containsExactly("core/Sub.java", "core/Heavy.java",
                "core/Light.java");
        assertThat(one.tests()).hasSize(1);
        assertThat(one.cycles()).isEmpty();
        BlastResult two = radius.compute(new BlastQuery(List.of("core/Api.java"), 2));
        assertThat(two.impacted()).extracting(Impact::path).contains("app/Chain2.java").doesNotContain("app/Chain3.java");
    }

    @Test
    void seedInsideACycleTerminates() throws Exception {
        BlastResult r = new BlastRadius(sample()).compute(new BlastQuery(List.of("app/Chain3.java"), 0));
        assertThat(r.impacted()).extracting(Impact::path).containsExactly("app/Chain2.java");
        assertThat(r.impacted().get(0).via()).containsExactly("app/Chain3.java", "app/Chain2.java");
        assertThat(r.cycles()).hasSize(1);
    }

    @Test
    void seedsByTypeModuleDirectoryAndSimpleName() throws Exception {
        BlastRadius radius = new BlastRadius(sample());
        assertThat(radius.compute(new BlastQuery(List.of("core.Api"), 0)).seeds()).containsExactly("core/Api.java");
        assertThat(radius.compute(new BlastQuery(List.of("core.Api$Nested"), 0)).seeds()).containsExactly("core/Api.java");
        assertThat(radius.compute(new BlastQuery(List.of("Heavy"), 0)).seeds()).containsExactly("core/Heavy.java");
        assertThat(radius.compute(new BlastQuery(List.of("app"), 0)).seeds())
                .containsExactly("app/Chain2.java", "app/Chain3.java", "app/Unrelated.java");
        assertThat(radius.compute(new BlastQuery(List.of("core-lib"), 0)).seeds())
                .containsExactly("core/Api.java", "core/Heavy.java", "core/Light.java", "core/Sub.java");
        assertThat(radius.compute(new BlastQuery(List.of("./app/"), 0)).seeds()).hasSize(3);
        // a directory that is a module means its non-test files, so its tests are listed to run
        BlastResult core = radius.compute(new BlastQuery(List.of("core/"), 0));
        assertThat(core.seeds()).containsExactly("core/Api.java", "core/Heavy.java", "core/Light.java", "core/Sub.java");
        assertThat(core.tests()).extracting(Impact::path).containsExactly("core/ApiTest.java");
        assertThat(radius.compute(new BlastQuery(List.of("/repo/core/Api.java"), 0)).seeds())
                .containsExactly("core/Api.java");
    }

    @Test
    void unknownSeedNamesItAndSuggests() {
        BlastRadius radius = new BlastRadius(sample());
        assertThatThrownBy(() -> radius.compute(new BlastQuery(List.of("core/Api.java", "core/Hevy.java"), 0)))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("unknown seed 'core/Hevy.java'")
                .hasMessageContaining("did you mean core/Heavy.java");
        assertThatThrownBy(() -> radius.compute(new BlastQuery(List.of("zzzzzzzz"), 0)))
                .hasMessage("unknown seed 'zzzzzzzz': no file, type or module of the map has that name");
        assertThatThrownBy(() -> radius.compute(new BlastQuery(List.of("/elsewhere/X.java"), 0)))
                .hasMessageStartingWith("unknown seed '/elsewhere/X.java'");
    }

    @Test
    void deletedFileReachesItsDependentsThroughUnresolvedReferences() {
        RepoMap map = new Maps("/repo").module("m", "m")
                .file("m/src/main/java/p/User.java", "m", false)
                .file("m/src/main/java/p/Other.java", "m", false)
                .external("m/src/main/java/p/User.java", "p.Gone", EdgeKind.IMPORT, 1)
                .external("m/src/main/java/p/User.java", "p.Gone.Inner", EdgeKind.REFERENCE, 4)
                .external("m/src/main/java/p/Other.java", "q.Gone", EdgeKind.IMPORT, 1)
                .external("m/src/main/java/p/Other.java", "java.util.List", EdgeKind.IMPORT, 1)
                .build();
        BlastRadius radius = new BlastRadius(map);
        ResolvedSeeds seeds = radius.resolver().fromChanges(List.of(
                ChangedFile.of("m/src/main/java/p/Gone.java", ChangeKind.DELETED),
                ChangedFile.of("README.md", ChangeKind.MODIFIED)));
        BlastResult r = radius.compute(seeds, 0);
        assertThat(r.seeds()).containsExactly("m/src/main/java/p/Gone.java", "README.md");
        assertThat(r.impacted()).extracting(Impact::path).containsExactly("m/src/main/java/p/User.java");
        assertThat(r.impacted().get(0).via()).containsExactly("m/src/main/java/p/Gone.java", "m/src/main/java/p/User.java");
        assertThat(r.impacted().get(0).distance()).isEqualTo(1);
    }

    @Test
    void concurrentQueriesShareTheIndex() throws Exception {
        BlastRadius radius = new BlastRadius(sample());
        BlastResult expected = radius.compute(new BlastQuery(List.of("core/Api.java"), 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BlastResult>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(pool.submit(() -> radius.compute(new BlastQuery(List.of("core/Api.java"), 0))));
            }
            for (Future<BlastResult> f : all) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hopStrengthFollowsTheDocumentedFormula() {
        assertThat(HopStrength.fromLogMiss(HopStrength.logMiss(EdgeKind.IMPORT, 1))).isCloseTo(0.25, within(1e-12));
        assertThat(HopStrength.fromLogMiss(HopStrength.logMiss(EdgeKind.EXTENDS, 1))).isCloseTo(0.9, within(1e-12));
        double both = HopStrength.logMiss(EdgeKind.IMPORT, 1) + HopStrength.logMiss(EdgeKind.REFERENCE, 2);
        assertThat(HopStrength.fromLogMiss(both)).isCloseTo(1 - 0.75 * 0.85 * 0.85, within(1e-12));
    }
}
