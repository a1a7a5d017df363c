package dev.cofferdam.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.mcp.TestRepo;
import dev.cofferdam.vm.egress.HostServices;
import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.sandbox.RefusingEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code cofferdam run} refuses before any guest boots, and how each agent is wired. */
class AgentRunTest {
    @TempDir
    Path dir;
    SandboxService sandboxes;
    AgentRun.Context ctx;

    @BeforeEach
    void service() throws Exception {
        sandboxes = new SandboxService(new VmDirs(dir.resolve("vm"), dir.resolve("images")), new RefusingEgressRelay(),
                SandboxService.Options.defaults());
        ctx = new AgentRun.Context(sandboxes, new HostServices(), new PolicyStore(dir.resolve("config")),
                new RunStore(dir.resolve("data")), dir.resolve("data"), "test");
    }

    @AfterEach
    void close() throws Exception {
        sandboxes.close();
    }

    private AgentRun.Request request(RunAgent agent, Path ws, boolean clone, String template) {
        return new AgentRun.Request(agent, ws, AgentRun.defaultName(agent, ws), clone, template, 1, 256,
                Optional.empty(), false);
    }

    @Test
    void aMissingOrFileWorkspaceIsBadInput() throws Exception {
        assertThatThrownBy(() -> AgentRun.start(request(RunAgent.SHELL, dir.resolve("nope"), false, "tiny"), ctx,
                BuildListener.NONE)).isInstanceOf(RunException.class).hasMessageContaining("no such folder")
                .matches(e -> ((RunException) e).isBadInput());
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        assertThatThrownBy(() -> AgentRun.start(request(RunAgent.SHELL, file, false, "tiny"), ctx, BuildListener.NONE))
                .hasMessageContaining("is a file");
    }

    @Test
    void cloneModeRefusesUncommittedChangesAndNonRepositories() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("shop"));
        repo.write("src/main/java/p/A.java", "package p;\npublic class A {}\n");
        assertThatThrownBy(() -> AgentRun.start(request(RunAgent.CLAUDE, repo.root(), true, "agent"), ctx,
                BuildListener.NONE)).hasMessageContaining("uncommitted changes: commit or stash them first");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> AgentRun.start(request(RunAgent.CLAUDE, plain, true, "agent"), ctx,
                BuildListener.NONE)).hasMessageContaining("--clone needs a git repository");
    }

    @Test
    void aMissingTemplateImageSaysHowToBuildIt() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("shop"));
        assertThatThrownBy(() -> AgentRun.start(request(RunAgent.CODEX, repo.root(), false, "agent"), ctx,
                BuildListener.NONE)).isInstanceOf(RunException.class)
                .hasMessageContaining("cofferdam image build agent").hasMessageContaining("as root")
                .matches(e -> ((RunException) e).isBadInput());
        assertThat(sandboxes.list()).isEmpty();
    }

    @Test
    void defaultNamesFollowTheSandboxNameRules() {
        assertThat(AgentRun.defaultName(RunAgent.CLAUDE, Path.of("/home/ann/My Shop.v2"))).isEqualTo("claude-my-shop-v2");
        assertThat(AgentRun.defaultName(RunAgent.GEMINI, Path.of("/x/" + "a".repeat(60)))).hasSize(32)
                .startsWith("gemini-aaa");
        assertThat(AgentRun.defaultName(RunAgent.SHELL, Path.of("/"))).isEqualTo("shell-root");
    }

    @Test
    void eachAgentGetsTheMcpServerInItsOwnConfigurationAndClaudeItsTelemetry() throws Exception {
        GuestEndpoints e = new GuestEndpoints("http://mcp.cofferdam.internal:3128/mcp",
                "http://telemetry.cofferdam.internal:3128", "http://telemetry.cofferdam.internal:3128/hooks");
        ObjectMapper json = new ObjectMapper();
        String claudeMcp = RunAgent.CLAUDE.configFiles(e).get(RunAgent.CLAUDE_MCP_FILE);
        assertThat(json.readTree(claudeMcp).at("/mcpServers/cofferdam/url").asText()).isEqualTo(e.mcpUrl());
        assertThat(json.readTree(RunAgent.CLAUDE.configFiles(e).get("/root/.claude/settings.json"))
                .at("/hooks/PostToolUse/0/hooks/0/url").asText()).isEqualTo(e.hooksUrl());
        assertThat(RunAgent.CLAUDE.command()).containsSequence("--mcp-config", RunAgent.CLAUDE_MCP_FILE);
        assertThat(RunAgent.CLAUDE.environment(e)).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", e.telemetryUrl())
                .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
        assertThat(RunAgent.CODEX.configFiles(e).get("/root/.codex/config.toml"))
                .contains("[mcp_servers.cofferdam]\nurl = \"" + e.mcpUrl() + "\"");
        com.fasterxml.jackson.databind.JsonNode gemini = json.readTree(RunAgent.GEMINI.configFiles(e)
                .get("/root/.gemini/settings.json"));
        assertThat(gemini.at("/mcpServers/cofferdam/httpUrl").asText()).isEqualTo(e.mcpUrl());
        assertThat(gemini.at("/security/auth/selectedType").asText()).isEqualTo("gemini-api-key");
        assertThat(RunAgent.SHELL.configFiles(e)).isEmpty();
        assertThat(RunAgent.SHELL.environment(e)).containsEntry("COFFERDAM_MCP_URL", e.mcpUrl());
        assertThatThrownBy(() -> RunAgent.of("copilot")).hasMessageContaining("claude, codex, gemini or shell");
    }
}
