package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.mcp.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cofferdam init} on a real git repository whose AGENTS.md, CLAUDE.md, .mcp.json and Codex
 * config already hold the user's own content.
 */
class InitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOML_HEAD = "# my codex settings\nmodel = \"o3\"\n\n[mcp_servers.other]\ncommand = \"other\"\n\n";
    private static final String TOML_OLD = "[mcp_servers.cofferdam]\ncommand = \"/old/cofferdam\"\nargs = [\"mcp\"]\n\n";
    private static final String TOML_TAIL = "[mcp_servers.cofferdam.env]\nFOO = \"bar\"\n\n[profiles.fast]\nmodel = \"x\"   # keep me\n";
    private static final String AGENTS = "# Agents\n\nAlways run the linter.\n";
    private static final String CLAUDE_HEAD = "# Claude\n\nMy rules.\n\n";
    private static final String CLAUDE_OLD = "<!-- cofferdam:begin -->\nold map\n<!-- cofferdam:end -->";
    private static final String CLAUDE_TAIL = "\n\nMore of my rules.\n";
    private static final String MCP_JSON = "{\"mcpServers\":{\"github\":{\"command\":\"gh-mcp\",\"args\":[]}},\"x\":1}";

    @TempDir
    Path tmp;
    private Path root;
    private Path codex;
    private Path launcher;

    @BeforeEach
    void setUp() throws Exception {
        root = TestRepo.create(tmp.resolve("repo")).root();
        Files.writeString(root.resolve("AGENTS.md"), AGENTS);
        Files.writeString(root.resolve("CLAUDE.md"), CLAUDE_HEAD + CLAUDE_OLD + CLAUDE_TAIL);
        Files.writeString(root.resolve(".mcp.json"), MCP_JSON);
        Path home = Files.createDirectories(tmp.resolve("codex-home"));
        codex = home.resolve("config.toml");
        Files.writeString(codex, TOML_HEAD + TOML_OLD + TOML_TAIL);
        launcher = Files.createDirectories(tmp.resolve("dist/bin")).resolve("cofferdam");
        Files.writeString(launcher, "#!/bin/sh\n");
        System.setProperty("cofferdam.codex.home", home.toString());
        System.setProperty("cofferdam.launcher", launcher.toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("cofferdam.codex.home");
        System.clearProperty("cofferdam.launcher");
    }

    private Map<Path, String> snapshot() throws Exception {
        Map<Path, String> m = new LinkedHashMap<>();
        for (Path p : new Path[] {root.resolve("AGENTS.md"), root.resolve("CLAUDE.md"), root.resolve(".mcp.json"), codex}) {
            m.put(p, Files.readString(p));
        }
        return m;
    }

    @Test
    void refusesWithoutAConsoleThenWritesOnceAndKeepsTheUsersText() throws Exception {
        Map<Path, String> before = snapshot();
        Cli refused = Cli.run("init", root.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--yes").contains("no terminal");
        assertThat(refused.out()).contains(".mcp.json: update server cofferdam".replace("update", "add"))
                .contains("+ <!-- cofferdam:begin -->").contains("- command = \"/old/cofferdam\"");
        assertThat(snapshot()).isEqualTo(before);

        Cli applied = Cli.run("init", root.toString(), "--yes");
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("updated 4 files");

        JsonNode mcp = JSON.readTree(Files.readString(root.resolve(".mcp.json")));
        assertThat(mcp.path("x").asInt()).isEqualTo(1);
        assertThat(mcp.path("mcpServers").path("github").path("command").asText()).isEqualTo("gh-mcp");
        assertThat(mcp.path("mcpServers").path("cofferdam").path("command").asText()).isEqualTo(launcher.toString());
        assertThat(mcp.path("mcpServers").path("cofferdam").path("args").toString()).isEqualTo("[\"mcp\",\".\"]");

        String agents = Files.readString(root.resolve("AGENTS.md"));
        assertThat(agents).startsWith(AGENTS).contains("<!-- cofferdam:begin -->\n## Code map (cofferdam)")
                .contains("`" + TestRepo.C + "`").contains("context_for_change").contains("mvn test")
                .endsWith("<!-- cofferdam:end -->\n");
        String claude = Files.readString(root.resolve("CLAUDE.md"));
        assertThat(claude).startsWith(CLAUDE_HEAD).endsWith(CLAUDE_TAIL).doesNotContain("old map")
                .contains("## Code map (cofferdam)");

        String toml = Files.readString(codex);
        String table = "[mcp_servers.cofferdam]\ncommand = \"" + launcher + "\"\nargs = [\"mcp\", \"" + root.toRealPath() + "\"]\n\n";
        assertThat(toml).isEqualTo(TOML_HEAD + table + TOML_TAIL);

        Map<Path, String> done = snapshot();
        Cli again = Cli.run("init", root.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("nothing to change");
        assertThat(snapshot()).isEqualTo(done);

        // the same JSON in another layout is no change either
        Files.writeString(root.resolve(".mcp.json"), JSON.writeValueAsString(mcp));
        assertThat(Cli.run("init", root.toString()).out()).contains("nothing to change");
    }

    @Test
    void createsMissingFilesAndRefusesBrokenMarkers() throws Exception {
        Files.delete(root.resolve(".mcp.json"));
        Files.delete(codex);
        Files.writeString(root.resolve("AGENTS.md"), AGENTS + "<!-- cofferdam:begin -->\nhalf a section\n");
        Map<Path, String> before = new LinkedHashMap<>();
        before.put(root.resolve("AGENTS.md"), Files.readString(root.resolve("AGENTS.md")));
        Cli broken = Cli.run("init", root.toString(), "--yes");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("broken cofferdam section");
        assertThat(Files.exists(root.resolve(".mcp.json"))).isFalse();
        assertThat(Files.readString(root.resolve("AGENTS.md"))).isEqualTo(before.get(root.resolve("AGENTS.md")));

        Files.writeString(root.resolve("AGENTS.md"), AGENTS);
        Cli ok = Cli.run("init", root.toString(), "--yes");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(JSON.readTree(Files.readString(root.resolve(".mcp.json"))).path("mcpServers").has("cofferdam")).isTrue();
        assertThat(Files.readString(codex)).startsWith("[mcp_servers.cofferdam]\ncommand = ");

        Files.writeString(root.resolve(".mcp.json"), "{ not json");
        Cli badJson = Cli.run("init", root.toString(), "--yes");
        assertThat(badJson.exit()).isEqualTo(2);
        assertThat(badJson.err()).contains("cannot parse").contains(".mcp.json");
        assertThat(Files.readString(root.resolve(".mcp.json"))).isEqualTo("{ not json");
    }
}
