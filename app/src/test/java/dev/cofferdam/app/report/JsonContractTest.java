package dev.cofferdam.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastRadius;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON field names and value spellings of DESIGN.md §2, checked on parsed output. */
class JsonContractTest {
    static RepoMap sample() {
        return new RepoMap("/repo",
                List.of(new Module("core", "core-lib", ModuleKind.MAVEN, "core", 3, 30, List.of("@core"))),
                List.of(new SourceFile("core/A.java", "core", "java", 10, false, false, List.of("@core"), List.of()),
                        new SourceFile("core/B.java", "core", "java", 10, false, true, List.of(), List.of("line 3: ';' expected")),
                        new SourceFile("core/ATest.java", "core", "java", 10, true, false, List.of(), List.of())),
                List.of(new JavaType("core.A", "core/A.java", "class")),
                List.of(new Edge("core/B.java", "core/A.java", EdgeKind.STATIC_IMPORT, 2),
                        new Edge("core/ATest.java", "core/A.java", EdgeKind.REFERENCE, 4),
                        new Edge("core/A.java", "core/B.java", EdgeKind.IMPLEMENTS, 1)),
                List.of(new Edge("core.B", "core.A", EdgeKind.REFERENCE, 2)),
                List.of(new ExternalRef("core/A.java", "java.util.List", EdgeKind.IMPORT, 1)),
                List.of(List.of("core/A.java", "core/B.java")));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void mapJsonHasTheContractFields() throws Exception {
        JsonNode root = new ObjectMapper().readTree(MapJson.render(sample()));
        assertThat(keys(root)).containsExactly("schema", "root", "modules", "files", "edges", "external", "cycles",
                "types", "typeEdges");
        assertThat(root.get("schema").asInt()).isEqualTo(1);
        assertThat(root.get("root").asText()).isEqualTo("/repo");
        JsonNode module = root.get("modules").get(0);
        assertThat(keys(module)).containsExactly("id", "name", "kind", "path", "files", "loc", "owners");
        assertThat(module.get("kind").asText()).isEqualTo("maven");
        JsonNode file = root.get("files").get(1);
        assertThat(keys(file)).containsExactly("path", "module", "language", "loc", "test", "generated", "owners",
                "parseErrors");
        assertThat(file.get("generated").asBoolean()).isTrue();
        assertThat(file.get("parseErrors").get(0).asText()).isEqualTo("line 3: ';' expected");
        JsonNode edge = root.get("edges").get(0);
        assertThat(keys(edge)).containsExactly("from", "to", "kind", "weight");
        assertThat(edge.get("kind").asText()).isEqualTo("static-import");
        assertThat(root.get("edges").get(2).get("kind").asText()).isEqualTo("implements");
        assertThat(keys(root.get("external").get(0))).containsExactly("from", "name", "kind", "weight");
        assertThat(root.get("cycles").get(0).get(1).asText()).isEqualTo("core/B.java");
        assertThat(keys(root.get("types").get(0))).containsExactly("name", "file", "kind");
    }

    @Test
    void blastJsonHasTheContractFields() throws Exception {
        RepoMap map = sample();
        BlastReport report = new BlastReport(new BlastRadius(map).compute(new BlastQuery(List.of("core.A"), 0)),
                List.of(new CoChange("core/A.java", "core/config.yml", 3, 0.75)));
        JsonNode root = new ObjectMapper().readTree(BlastJson.render(report));
        assertThat(keys(root)).containsExactly("schema", "seeds", "impacted", "modules", "tests", "owners", "cycles",
                "history", "combined");
        assertThat(root.get("seeds").get(0).asText()).isEqualTo("core/A.java");
        JsonNode impact = root.get("impacted").get(0);
        assertThat(keys(impact)).containsExactly("path", "distance", "score", "via", "module", "test", "owners");
        assertThat(impact.get("path").asText()).isEqualTo("core/B.java");
        assertThat(impact.get("via").get(0).asText()).isEqualTo("core/A.java");
        assertThat(impact.get("score").asDouble()).isBetween(0.0, 1.0);
        JsonNode test = root.get("tests").get(0);
        assertThat(test.get("path").asText()).isEqualTo("core/ATest.java");
        assertThat(test.get("test").asBoolean()).isTrue();
        assertThat(keys(root.get("modules").get(0))).containsExactly("id", "files", "score");
        assertThat(root.get("owners").get(0).asText()).isEqualTo("@core");
        assertThat(root.get("cycles").get(0).size()).isEqualTo(2);
        JsonNode h = root.get("history").get(0);
        assertThat(keys(h)).containsExactly("path", "seed", "support", "confidence", "inStaticRadius");
        assertThat(h.get("inStaticRadius").asBoolean()).isFalse();
        JsonNode top = root.get("combined").get(0);
        assertThat(keys(top)).containsExactly("path", "score", "staticScore", "historyConfidence");
        assertThat(top.get("path").asText()).isEqualTo("core/config.yml");
        assertThat(top.get("staticScore").isNull()).isTrue();
        assertThat(top.get("historyConfidence").asDouble()).isEqualTo(0.75);
    }

    @Test
    void markdownCarriesTheSameContent() throws Exception {
        RepoMap map = sample();
        BlastReport report = new BlastReport(new BlastRadius(map).compute(new BlastQuery(List.of("core.A"), 0)),
                List.of(new CoChange("core/A.java", "core/config.yml", 3, 0.75)));
        assertThat(BlastMarkdown.render(report)).contains("# Blast radius", "`core/A.java`", "`core/B.java` d1",
                "## Tests to run (1)", "`core/ATest.java`", "@core", "## Cycles met (1)", "`core/config.yml`",
                "confidence 75%");
        assertThat(MapMarkdown.render(map)).contains("# Map of `/repo`", "1 modules, 3 files (1 tests)",
                "| `core` | core-lib | maven | 3 | 30 |", "## Cycles", "## Files with parse errors",
                "`core/B.java`: line 3: ';' expected");
    }
}
