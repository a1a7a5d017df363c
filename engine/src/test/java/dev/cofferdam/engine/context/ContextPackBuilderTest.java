package dev.cofferdam.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastRadius;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.testing.Maps;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextPackBuilderTest {
    /** One seed used by 200 files (a few heavily), 40 tests and 30 modules. */
    private static RepoMap big() {
        Maps m = new Maps("/work/bigrepo");
        m.module("core", "core").file("core/Seed.java", "core", false, "@core");
        for (int mod = 0; mod < 30; mod++) {
            m.module("m" + mod, "module-" + mod);
        }
        for (int i = 0; i < 200; i++) {
            String f = "m" + (i % 30) + "/User" + i + ".java";
            m.file(f, "m" + (i % 30), false, "@team" + (i % 7));
            m.edge(f, "core/Seed.java", EdgeKind.IMPORT, 1);
            if (i % 50 == 0) {
                m.edge(f, "core/Seed.java", EdgeKind.REFERENCE, 20);
            }
        }
        for (int i = 0; i < 40; i++) {
            String t = "core/SeedTest" + i + ".java";
            m.file(t, "core", true, "@qa");
            m.edge(t, "core/Seed.java", EdgeKind.REFERENCE, 2);
        }
        return m.build();
    }

    private static BlastReport report(RepoMap map) throws Exception {
        return new BlastReport(new BlastRadius(map).compute(new BlastQuery(List.of("core/Seed.java"), 0)),
                List.of(new CoChange("core/Seed.java", "config/app.yml", 5, 0.5)));
    }

    @Test
    void budgetIsRespectedAndTheCutIsNamed() throws Exception {
        RepoMap map = big();
        ContextPack pack = ContextPackBuilder.build(map, report(map), 1500);
        assertThat(pack.tokens()).isLessThanOrEqualTo(1500).isEqualTo(Tokens.estimate(pack.markdown()));
        assertThat(pack.markdown()).startsWith("# Change context for bigrepo")
                .contains("`core/Seed.java`")
                // the strongest dependents come first and survive the cut
                .contains("`m0/User0.java`", "`m20/User50.java`", "`m10/User100.java`", "`m0/User150.java`")
                .contains("Tests to run (40)")
                .contains("_Cut to fit the token budget: ");
        assertThat(pack.cut()).anyMatch(c -> c.endsWith("impacted files"));
        assertThat(pack.markdown()).contains(String.join(", ", pack.cut()));
    }

    @Test
    void fittingIsExactOnALargePack() {
        Section big = new Section("Many", "lines");
        for (int i = 0; i < 20_000; i++) {
            big.add("- line " + i + " " + "x".repeat(i % 37), i < 50 ? 1 : 2);
        }
        Section small = new Section("Few", "few lines");
        small.add("- first", 0).add("- second", 3);
        ContextPack pack = BudgetFitter.fit("Large", List.of(big, small), 2000);
        assertThat(pack.tokens()).isLessThanOrEqualTo(2000);
        // lines are taken greedily until the budget: what is left is less than one more line
        assertThat(pack.tokens()).isGreaterThan(2000 - 20);
        // a short line of a later tier still fits where the long ones did not (greedy fill)
        assertThat(pack.markdown()).contains("- first", "- line 49 ", "- second");
        assertThat(pack.cut()).hasSize(1);
        assertThat(pack.markdown()).endsWith("_Cut to fit the token budget: " + String.join(", ", pack.cut()) + "._\n");
    }

    @Test
    void noBudgetKeepsEverything() throws Exception {
        RepoMap map = big();
        ContextPack pack = ContextPackBuilder.build(map, report(map), 0);
        assertThat(pack.cut()).isEmpty();
        assertThat(pack.markdown()).contains("## Most likely to change with the seeds", "- `m0/User0.java` 0.777 · static 0.777",
                "- `config/app.yml` 0.500 · history 50%");
        assertThat(pack.markdown()).contains("`m19/User199.java`", "`core/SeedTest39.java`", "`config/app.yml`",
                "not found by static analysis", "`m29` module-29 (maven");
        assertThat(pack.markdown()).doesNotContain("Cut to fit");
        assertThat(pack.tokens()).isGreaterThan(1500);
    }

    @Test
    void tinyBudgetStillGivesTheTitleAndSaysEverythingWasCut() throws Exception {
        RepoMap map = big();
        ContextPack pack = ContextPackBuilder.build(map, report(map), 40);
        assertThat(pack.markdown()).startsWith("# Change context");
        assertThat(pack.cut()).isNotEmpty();
    }

    @Test
    void moduleMapShowsModuleDependenciesAndOwners() throws Exception {
        RepoMap map = new Maps("/r").module("a", "alpha").module("b", "b")
                .file("a/X.java", "a", false, "@x").file("b/Y.java", "b", false)
                .edge("b/Y.java", "a/X.java", EdgeKind.IMPORT, 1).build();
        map = new RepoMap(map.root(), List.of(
                new dev.cofferdam.engine.map.Module("a", "alpha", dev.cofferdam.engine.map.ModuleKind.MAVEN, "a", 1, 10,
                        List.of("@x")),
                map.modules().get(1)), map.files(), map.types(), map.edges(), map.typeEdges(), map.external(), map.cycles());
        BlastReport r = new BlastReport(new BlastRadius(map).compute(new BlastQuery(List.of("a/X.java"), 0)), List.of());
        String md = ContextPackBuilder.build(map, r, 0).markdown();
        assertThat(md).contains("- `a` alpha (maven, 1 files, 10 loc) · owners @x")
                .contains("- `b` (maven, 1 files, 10 loc) → a")
                .contains("- `b/Y.java` d1 · 0.200 · b");
    }
}
