package dev.cofferdam.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cofferdam mcp PATH} over stdio, as a real subprocess on a real git repository: the
 * handshake, the tool list and its size, tool answers equal to the CLI's, and malformed input.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpStdioTest {
    @TempDir
    Path tmp;

    private static ObjectNode args() {
        return StdioClient.JSON.createObjectNode();
    }

    private static ObjectNode call(String tool, ObjectNode arguments) {
        ObjectNode p = StdioClient.JSON.createObjectNode().put("name", tool);
        p.set("arguments", arguments);
        return p;
    }

    private static String text(JsonNode response) {
        assertThat(response.path("result").path("isError").asBoolean()).as(response.toString()).isFalse();
        return response.path("result").path("content").get(0).path("text").asText();
    }

    @Test
    void answersLikeTheCliAndSurvivesMalformedInput() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));
        String root = repo.root().toString();
        try (StdioClient c = new StdioClient(repo.root(), tmp)) {
            JsonNode init = c.request(1, "initialize", StdioClient.JSON.readTree(
                    "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}"));
            assertThat(init.path("id").asInt()).isEqualTo(1);
            assertThat(init.path("result").path("protocolVersion").asText()).isEqualTo("2025-03-26");
            assertThat(init.path("result").path("serverInfo").path("name").asText()).isEqualTo("cofferdam");
            assertThat(init.path("result").path("capabilities").has("tools")).isTrue();
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

            JsonNode list = c.request(2, "tools/list", null);
            List<String> names = new ArrayList<>();
            list.path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
            assertThat(names).containsExactly("domain_map", "blast_radius", "module_of", "dependents", "dependencies",
                    "owners", "context_for_change");
            int bytes = c.lastLine().getBytes(StandardCharsets.UTF_8).length;
            System.out.println("tools/list response: " + bytes + " bytes");
            assertThat(bytes).isLessThan(4096);

            JsonNode blast = c.request(3, "tools/call", call("blast_radius",
                    args().put("format", "md").set("seeds", StdioClient.JSON.createArrayNode().add(TestRepo.C))));
            assertThat(text(blast)).isEqualTo(CliRun.of("blast", root, TestRepo.C, "--format", "md").out())
                    .contains(TestRepo.B).contains(TestRepo.A).contains(TestRepo.C_TEST);

            JsonNode blastGit = c.request(4, "tools/call", call("blast_radius",
                    args().put("git", "HEAD~1..HEAD").put("format", "json")));
            assertThat(StdioClient.JSON.readTree(text(blastGit)))
                    .isEqualTo(StdioClient.JSON.readTree(CliRun.of("blast", root, "--git", "HEAD~1..HEAD").out()));

            JsonNode map = c.request(5, "tools/call", call("domain_map", args().put("format", "json")));
            assertThat(text(map)).isEqualTo(CliRun.of("map", root, "--format", "json").out());
            JsonNode mapMd = c.request(6, "tools/call", call("domain_map", args()));
            assertThat(text(mapMd)).isEqualTo(CliRun.of("map", root, "--format", "md").out());

            JsonNode ctx = c.request(7, "tools/call", call("context_for_change",
                    args().put("budget", 2000).set("seeds", StdioClient.JSON.createArrayNode().add(TestRepo.B))));
            assertThat(text(ctx)).isEqualTo(CliRun.of("context", root, TestRepo.B, "--budget", "2000").out());

            JsonNode module = c.request(8, "tools/call", call("module_of", args().put("path", "p.A")));
            assertThat(StdioClient.JSON.readTree(text(module)).path("path").asText()).isEqualTo(TestRepo.A);

            // malformed input: errors, and the server keeps serving
            c.send("{not json");
            JsonNode parse = c.read();
            assertThat(parse.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(parse.get("id").isNull()).isTrue();
            c.send("{\"jsonrpc\":\"2.0\",\"id\":20}");
            assertThat(c.read().path("error").path("code").asInt()).isEqualTo(-32600);
            c.send("[1]");
            assertThat(c.read().get(0).path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(c.request(21, "resources/list", null).path("error").path("code").asInt()).isEqualTo(-32601);
            JsonNode unknown = c.request(22, "tools/call", call("rm_rf", args()));
            assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(unknown.path("error").path("message").asText()).contains("unknown tool: rm_rf");
            JsonNode badArg = c.request(23, "tools/call", call("dependents", args().put("path", 7)));
            assertThat(badArg.path("error").path("code").asInt()).isEqualTo(-32602);
            JsonNode missing = c.request(24, "tools/call", call("owners", args()));
            assertThat(missing.path("error").path("message").asText()).contains("missing argument 'path'");

            // a bad seed is the tool's failure, said in its result, like the CLI's exit 2
            JsonNode badSeed = c.request(25, "tools/call", call("blast_radius",
                    args().set("seeds", StdioClient.JSON.createArrayNode().add("no/such/File.java"))));
            assertThat(badSeed.path("result").path("isError").asBoolean()).isTrue();
            CliRun cli = CliRun.of("blast", root, "no/such/File.java");
            assertThat(cli.exit()).isEqualTo(2);
            assertThat(cli.err().strip()).isEqualTo("cofferdam: " + badSeed.path("result").path("content").get(0)
                    .path("text").asText());

            assertThat(c.request(26, "ping", null).path("result").isObject()).isTrue();
            assertThat(c.finish()).isZero();
        }
    }
}
