package dev.cofferdam.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.engine.map.IndexedMapService;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server against the official MCP Java SDK's client, over both transports: the handshake,
 * the tool list and a tool call whose answer equals the CLI's.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class McpSdkClientTest {
    private static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());

    @TempDir
    Path tmp;

    private static void roundTrip(McpClientTransport transport, Path root) {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(90)).build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("cofferdam");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("blast_radius", "owners");
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("blast_radius",
                    Map.of("seeds", List.of(TestRepo.C), "format", "md")));
            assertThat(r.isError()).isFalse();
            String text = ((McpSchema.TextContent) r.content().get(0)).text();
            assertThat(text).isEqualTo(CliRun.of("blast", root.toString(), TestRepo.C, "--format", "md").out());
            McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("module_of", Map.of("path", "Nope")));
            assertThat(bad.isError()).isTrue();
        } finally {
            client.closeGracefully();
        }
    }

    @AfterEach
    void flushBackgroundWrites() throws Exception {
        new IndexedMapService(tmp.resolve("cache")).flush(); // background index writes land before @TempDir goes
    }

    @Test
    void stdio() throws Exception {
        Path root = TestRepo.create(tmp.resolve("repo")).root();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ServerParameters params = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", cp, "-Djava.awt.headless=true", "-Dcofferdam.cache.dir=" + tmp.resolve("cache"),
                        "-Dcofferdam.log.file=" + tmp.resolve("mcp.log"), "dev.cofferdam.app.Main", "mcp", root.toString())
                .build();
        roundTrip(new StdioClientTransport(params, MAPPER), root);
    }

    @Test
    void streamableHttp() throws Exception {
        Path root = TestRepo.create(tmp.resolve("repo")).root();
        MapTools tools = new MapTools(root.toRealPath(), new IndexedMapService(tmp.resolve("cache")));
        try (HttpTransport server = new HttpTransport(0, () -> new McpSession(tools, "test"))) {
            String base = "http://127.0.0.1:" + server.uri().getPort();
            roundTrip(HttpClientStreamableHttpTransport.builder(base).endpoint(HttpTransport.PATH).jsonMapper(MAPPER).build(),
                    root);
        }
    }
}
