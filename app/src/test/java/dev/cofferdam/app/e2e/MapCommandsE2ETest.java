package dev.cofferdam.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.cli.CofferdamCommand;
import dev.cofferdam.engine.testing.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map, blast and context commands end to end: real engine, real git repository, captured streams. */
class MapCommandsE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestRepo repo;

    @BeforeEach
    void createRepo() {
        repo = AcmeRepo.create(dir);
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CofferdamCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
        return out;
    }

    private static JsonNode find(JsonNode array, String path) {
        for (JsonNode n : array) {
            if (n.get("path").asText().equals(path)) {
                return n;
            }
        }
        throw new AssertionError(path + " not in " + array);
    }

    @Test
    void mapHasModulesFilesOwnersAndEdges() throws Exception {
        Run r = cli("map", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode map = r.json();
        assertThat(map.get("schema").asInt()).isEqualTo(1);
        assertThat(texts(map.get("modules"), "id")).contains("core", "app");
        JsonNode app = find(map.get("files"), AcmeRepo.APP);
        assertThat(app.get("module").asText()).isEqualTo("app");
        assertThat(app.get("language").asText()).isEqualTo("java");
        assertThat(texts(app.get("owners"), null)).containsExactly("@acme/app", "bob@acme.test");
        assertThat(find(map.get("files"), AcmeRepo.API_TEST).get("test").asBoolean()).isTrue();
        boolean appUsesApi = false;
        for (JsonNode e : map.get("edges")) {
            appUsesApi |= e.get("from").asText().equals(AcmeRepo.APP) && e.get("to").asText().equals(AcmeRepo.API);
        }
        assertThat(appUsesApi).isTrue();
        JsonNode core = null;
        for (JsonNode m : map.get("modules")) {
            core = m.get("id").asText().equals("core") ? m : core;
        }
        assertThat(texts(core.get("owners"), null)).startsWith("@acme/core");

        Run md = cli("map", dir.toString(), "--format", "md");
        assertThat(md.exit()).isZero();
        assertThat(md.out()).startsWith("# Map of `").contains("| `core` | acme-core | maven |");
    }

    @Test
    void blastRanksStrongDependentsAndListsTestsApart() throws Exception {
        Run r = cli("blast", dir.toString(), "com.acme.core.Api");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode b = r.json();
        assertThat(texts(b.get("seeds"), null)).containsExactly(AcmeRepo.API);
        List<String> impacted = texts(b.get("impacted"), "path");
        assertThat(impacted).contains(AcmeRepo.IMPL, AcmeRepo.APP).doesNotContain(AcmeRepo.LIGHT, AcmeRepo.UTIL);
        assertThat(find(b.get("impacted"), AcmeRepo.APP).get("distance").asInt()).isEqualTo(1);
        assertThat(texts(b.get("tests"), "path")).contains(AcmeRepo.API_TEST, AcmeRepo.APP_TEST);
        JsonNode appTest = find(b.get("tests"), AcmeRepo.APP_TEST);
        assertThat(texts(appTest.get("via"), null)).containsExactly(AcmeRepo.API, AcmeRepo.APP, AcmeRepo.APP_TEST);
        assertThat(texts(b.get("owners"), null)).contains("@acme/core", "@acme/app");
        assertThat(texts(b.get("history"), "path")).contains(AcmeRepo.PROPS);
        assertThat(find(b.get("history"), AcmeRepo.PROPS).get("inStaticRadius").asBoolean()).isFalse();
    }

    @Test
    void manyUsesOutrankASingleImport() throws Exception {
        // Util: Impl calls it once (with its class in the same package), Light imports it and calls it once
        Run r = cli("blast", dir.toString(), AcmeRepo.API, "--depth", "1");
        JsonNode b = r.json();
        double app = find(b.get("impacted"), AcmeRepo.APP).get("score").asDouble();
        Run u = cli("blast", dir.toString(), AcmeRepo.UTIL);
        double light = find(u.json().get("impacted"), AcmeRepo.LIGHT).get("score").asDouble();
        assertThat(app).isGreaterThan(light);
    }

    @Test
    void gitRangePatchAndWorkingTreeSeeds() throws Exception {
        Run range = cli("blast", dir.toString(), "--git", "v1..HEAD");
        assertThat(range.exit()).as(range.err()).isZero();
        assertThat(texts(range.json().get("seeds"), null)).containsExactlyInAnyOrder(AcmeRepo.API, AcmeRepo.PROPS);
        assertThat(texts(range.json().get("impacted"), "path")).contains(AcmeRepo.APP);

        Path patch = dir.resolve("../change.patch").normalize();
        Files.writeString(patch, repo.git("diff", "v1", "HEAD"));
        Run p = cli("blast", dir.toString(), "--patch", patch.toString(), "--format", "md");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).startsWith("# Blast radius").contains("`" + AcmeRepo.API + "`", "`" + AcmeRepo.APP + "`");

        repo.write(AcmeRepo.UTIL, "package com.acme.core;\n\npublic final class Util {\n}\n");
        Run wt = cli("blast", dir.toString(), "--working-tree");
        assertThat(wt.exit()).as(wt.err()).isZero();
        assertThat(texts(wt.json().get("seeds"), null)).containsExactly(AcmeRepo.UTIL);
        assertThat(texts(wt.json().get("impacted"), "path")).contains(AcmeRepo.LIGHT);
    }

    @Test
    void deletedFileReachesItsDependentsThroughTheirUnresolvedImports() throws Exception {
        repo.delete(AcmeRepo.UTIL).commit("drop Util");
        Run r = cli("blast", dir.toString(), "--git", "HEAD~1..HEAD");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode b = r.json();
        assertThat(texts(b.get("seeds"), null)).containsExactly(AcmeRepo.UTIL);
        assertThat(texts(b.get("impacted"), "path")).contains(AcmeRepo.LIGHT);
        assertThat(texts(find(b.get("impacted"), AcmeRepo.LIGHT).get("via"), null))
                .containsExactly(AcmeRepo.UTIL, AcmeRepo.LIGHT);
    }

    @Test
    void badRangeAndUnknownSeedAreBadInput() {
        Run range = cli("blast", dir.toString(), "--git", "v1..nope");
        assertThat(range.exit()).isEqualTo(2);
        assertThat(range.err()).isEqualTo("cofferdam: unknown revision 'nope' (try `git log --oneline`)"
                + System.lineSeparator());
        assertThat(range.out()).isEmpty();
        Run seed = cli("blast", dir.toString(), "com.acme.core.Apii");
        assertThat(seed.exit()).isEqualTo(2);
        assertThat(seed.err()).startsWith("cofferdam: unknown seed 'com.acme.core.Apii'").contains("com.acme.core.Api");
        assertThat(seed.out()).isEmpty();
    }

    @Test
    void contextPackFitsTheBudget() throws Exception {
        Run full = cli("context", dir.toString(), AcmeRepo.API, "--budget", "0");
        assertThat(full.exit()).as(full.err()).isZero();
        assertThat(full.out()).contains("## Blast radius", "## Tests to run", "## Owners to notify", "## Module map",
                "`" + AcmeRepo.APP + "`", "@acme/app");
        Run small = cli("context", dir.toString(), AcmeRepo.API, "--budget", "120");
        assertThat(small.exit()).isZero();
        assertThat((small.out().length() + 3) / 4).isLessThanOrEqualTo(120);
        assertThat(small.out()).contains("Cut to fit the token budget");
        Run diff = cli("context", dir.toString(), "--git", "v1..HEAD");
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("`" + AcmeRepo.PROPS + "`");
    }
}
