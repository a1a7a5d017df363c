package dev.cofferdam.app.run;

import dev.cofferdam.app.receiver.TraceReceivers;
import dev.cofferdam.vm.sandbox.ExecRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code cofferdam run} can start in a sandbox, and how each is wired to Cofferdam: the MCP
 * server in the agent's own configuration, its telemetry or hooks pointed at the trace receiver,
 * and where it keeps its transcripts in the guest. Immutable.
 */
public enum RunAgent {
    CLAUDE("claude", "Claude Code", ".claude/projects"),
    CODEX("codex", "Codex", ".codex/sessions"),
    GEMINI("gemini", "Gemini CLI", ".gemini/tmp"),
    SHELL("shell", "a shell", "");

    /** Guest path of the MCP configuration file handed to Claude Code with {@code --mcp-config}. */
    static final String CLAUDE_MCP_FILE = "/root/.cofferdam/mcp.json";

    private final String id;
    private final String title;
    private final String transcripts;

    RunAgent(String id, String title, String transcripts) {
        this.id = id;
        this.title = title;
        this.transcripts = transcripts;
    }

    /** @return the command-line name ({@code claude}, {@code codex}, {@code gemini}, {@code shell}) */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** @throws IllegalArgumentException naming the choices */
    public static RunAgent of(String id) {
        for (RunAgent a : values()) {
            if (a.id.equals(id.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown agent '" + id + "': choose claude, codex, gemini or shell");
    }

    /** @return the program that must be on the guest's PATH, empty for the shell */
    public Optional<String> binary() {
        return this == SHELL ? Optional.empty() : Optional.of(id);
    }

    /** @return where the agent keeps transcripts, relative to the guest's home (empty: none) */
    public String transcriptDir() {
        return transcripts;
    }

    /** @return the interactive command */
    public List<String> command() {
        return switch (this) {
            case CLAUDE -> List.of("claude", "--mcp-config", CLAUDE_MCP_FILE);
            case CODEX -> List.of("codex");
            case GEMINI -> List.of("gemini");
            case SHELL -> ExecRequest.LOGIN_SHELL;
        };
    }

    /** @return environment variables for the agent: telemetry, and the MCP URL for scripts */
    public Map<String, String> environment(GuestEndpoints e) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("COFFERDAM_MCP_URL", e.mcpUrl());
        if (this == CLAUDE) {
            // No self-update inside a disposable root; error reports would only be denied egress noise.
            env.put("DISABLE_AUTOUPDATER", "1");
            env.put("DISABLE_ERROR_REPORTING", "1");
            env.put("CLAUDE_CODE_ENABLE_TELEMETRY", "1");
            env.put("OTEL_LOGS_EXPORTER", "otlp");
            env.put("OTEL_METRICS_EXPORTER", "none");
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json");
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", e.telemetryUrl());
            env.put("OTEL_LOG_TOOL_DETAILS", "1");
        }
        if (this == GEMINI) {
            // Gemini CLI re-executes itself to raise Node's heap limit: twice the start time under TCG.
            env.put("GEMINI_CLI_NO_RELAUNCH", "true");
        }
        return env;
    }

    /** @return guest files to write before the agent starts (path → content) */
    public Map<String, String> configFiles(GuestEndpoints e) {
        String mcp = e.mcpUrl();
        return switch (this) {
            case CLAUDE -> Map.of(
                    CLAUDE_MCP_FILE, "{\"mcpServers\": {\"cofferdam\": {\"type\": \"http\", \"url\": \"" + mcp + "\"}}}\n",
                    "/root/.claude/settings.json", TraceReceivers.claudeHooksJson(e.hooksUrl()) + "\n");
            case CODEX -> Map.of("/root/.codex/config.toml",
                    "# Written by cofferdam run: the repository map over MCP.\n"
                            + "[mcp_servers.cofferdam]\nurl = \"" + mcp + "\"\n");
            // The API key (a placeholder the proxy swaps) is the sign-in: no interactive auth picker.
            case GEMINI -> Map.of("/root/.gemini/settings.json",
                    "{\"mcpServers\": {\"cofferdam\": {\"httpUrl\": \"" + mcp + "\"}}, \"security\": {\"auth\": "
                            + "{\"selectedType\": \"gemini-api-key\"}}, \"privacy\": {\"usageStatisticsEnabled\": false}}\n");
            case SHELL -> Map.of();
        };
    }

    /** @return the memory an agent needs by default (Node.js CLIs want far more than a shell) */
    public int defaultMemoryMiB() {
        return this == SHELL ? 512 : 2048;
    }
}
