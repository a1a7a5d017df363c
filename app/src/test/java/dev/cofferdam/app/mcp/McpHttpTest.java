package dev.cofferdam.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.engine.map.IndexedMapService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP over streamable HTTP on 127.0.0.1 with the JDK's HTTP client: sessions, JSON and SSE
 * responses, answers equal to the CLI's map, a file change seen by the next call, bad requests.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private IndexedMapService maps;

    @TempDir
    Path tmp;
    private TestRepo repo;
    private HttpTransport server;

    @BeforeEach
    void start() throws Exception {
        repo = TestRepo.create(tmp.resolve("repo"));
        maps = new IndexedMapService(tmp.resolve("cache"));
        MapTools tools = new MapTools(repo.root().toRealPath(), maps);
        server = new HttpTransport(0, () -> new McpSession(tools, "test"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        maps.flush(); // a re-map's index copy is written in the background; let it land before @TempDir goes
    }

    private HttpResponse<String> post(String session, String accept, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri()).header("Content-Type", "application/json")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String initialize() throws Exception {
        HttpResponse<String> r = post(null, "application/json, text/event-stream",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
        String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> note = post(session, "application/json, text/event-stream",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(note.statusCode()).isEqualTo(202);
        assertThat(note.body()).isEmpty();
        return session;
    }

    private JsonNode call(String session, String tool, String arguments) throws Exception {
        HttpResponse<String> r = post(session, "application/json, text/event-stream",
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                        + "\",\"arguments\":" + arguments + "}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static String text(JsonNode response) {
        return response.path("result").path("content").get(0).path("text").asText();
    }

    @Test
    void sessionRoundTripMatchesTheCliMap() throws Exception {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        String session = initialize();
        JsonNode deps = JSON.readTree(text(call(session, "dependents", "{\"path\":\"" + TestRepo.C + "\"}")));
        // the CLI's map says who points at C
        JsonNode map = JSON.readTree(CliRun.of("map", repo.root().toString(), "--format", "json").out());
        List<String> fromCli = new ArrayList<>();
        map.path("edges").forEach(e -> {
            if (e.path("to").asText().equals(TestRepo.C)) {
                fromCli.add(e.path("from").asText());
            }
        });
        List<String> fromMcp = new ArrayList<>();
        deps.path("dependents").forEach(d -> fromMcp.add(d.path("path").asText()));
        assertThat(fromMcp).containsExactlyInAnyOrderElementsOf(fromCli).contains(TestRepo.B, TestRepo.C_TEST);

        JsonNode owners = JSON.readTree(text(call(session, "owners", "{\"path\":\"" + TestRepo.A + "\"}")));
        assertThat(owners.path("owners").toString()).contains("@core-team");
        JsonNode uses = JSON.readTree(text(call(session, "dependencies", "{\"path\":\"p.A\"}")));
        assertThat(uses.path("dependencies").get(0).path("path").asText()).isEqualTo(TestRepo.B);

        // an edited file is seen by the next call: A now uses C directly
        repo.write(TestRepo.A, "package p;\npublic class A {\n    B b = new B();\n    C c = new C();\n}\n");
        JsonNode after = JSON.readTree(text(call(session, "dependents", "{\"path\":\"p.C\"}")));
        assertThat(after.path("dependents").toString()).contains(TestRepo.A);

        // a client that accepts only an event stream gets one
        HttpResponse<String> sse = post(session, "text/event-stream",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
        assertThat(sse.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(sse.body()).startsWith("event: message\ndata: ").endsWith("\n\n");
        String data = sse.body().substring(sse.body().indexOf("data: ") + 6).strip();
        assertThat(JSON.readTree(data).path("result").path("tools")).hasSize(7);

        HttpResponse<Void> end = http.send(HttpRequest.newBuilder(server.uri()).header("Mcp-Session-Id", session)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(end.statusCode()).isEqualTo(200);
        HttpResponse<String> gone = post(session, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}");
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    void theCommandServesHttpOnLoopbackAndNegotiatesTheVersion() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                "-Djava.awt.headless=true", "-Dcofferdam.cache.dir=" + tmp.resolve("cache2"),
                "-Dcofferdam.log.file=" + tmp.resolve("http.log"),
                "dev.cofferdam.app.Main", "mcp", repo.root().toString(), "--http", "0").start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream())).readLine();
            assertThat(line).as("first stderr line").isNotNull().contains("http://127.0.0.1:");
            URI uri = URI.create(line.substring(line.indexOf("http://"), line.indexOf(" (")));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                            + "\"params\":{\"protocolVersion\":\"1999-01-01\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
            String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
            HttpResponse<String> module = http.send(HttpRequest.newBuilder(uri).header("Mcp-Session-Id", session)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"module_of\",\"arguments\":{\"path\":\"" + TestRepo.B + "\"}}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(text(JSON.readTree(module.body())));
            assertThat(answer.path("path").asText()).isEqualTo(TestRepo.B);
            assertThat(answer.path("module").path("id").asText()).isNotBlank();
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void badRequestsGetErrorsNotCrashes() throws Exception {
        HttpResponse<String> noSession = post(null, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(noSession.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSession.body()).path("error").path("code").asInt()).isEqualTo(-32600);

        HttpResponse<String> garbage = post(null, "application/json", "{\"jsonrpc\":");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(garbage.body()).path("error").path("code").asInt()).isEqualTo(-32700);

        String session = initialize();
        JsonNode unknownTool = JSON.readTree(post(session, "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}").body());
        assertThat(unknownTool.path("error").path("code").asInt()).isEqualTo(-32602);
        JsonNode unknownMethod = JSON.readTree(post(session, "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/get\"}").body());
        assertThat(unknownMethod.path("error").path("code").asInt()).isEqualTo(-32601);
        JsonNode badParams = JSON.readTree(post(session, "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":[1,2]}").body());
        assertThat(badParams.path("error").path("code").asInt()).isEqualTo(-32602);

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(server.uri()).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> otherPath = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(otherPath.statusCode()).isEqualTo(404);

        // a port in use is a one-line error, and the running server is not disturbed
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpTransport(server.uri().getPort(), () -> null))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("cannot listen on 127.0.0.1:");

        // still serving after all that
        assertThat(JSON.readTree(post(session, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}")
                .body()).has("result")).isTrue();
    }

    @Test
    void aPortAlreadyTakenIsBadInputWithTheAddress() throws Exception {
        int taken = server.uri().getPort();
        CliRun r = CliRun.of("mcp", repo.root().toString(), "--http", String.valueOf(taken));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken);
    }
}
