package dev.cofferdam.engine.trace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.FileChange;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gemini CLI (synthetic files written from the public session format: no real Gemini transcript
 * is available here), Codex variants, and Claude Code sub-agent files.
 */
class OtherFormatsTest {
    @TempDir
    Path tmp;

    private static final String GEMINI_MESSAGES = "[{\"id\":\"m1\",\"timestamp\":\"2025-12-01T10:00:00Z\",\"type\":\"user\","
            + "\"content\":\"fix src/app.ts\"},"
            + "{\"id\":\"m2\",\"timestamp\":\"2025-12-01T10:00:05Z\",\"type\":\"gemini\",\"content\":\"\","
            + "\"model\":\"gemini-2.5-pro\",\"tokens\":{\"input\":12000,\"output\":40,\"cached\":8000,\"total\":12040},"
            + "\"toolCalls\":[{\"id\":\"read_file-1\",\"name\":\"read_file\",\"args\":{\"absolute_path\":\"/p/src/app.ts\"},"
            + "\"status\":\"success\",\"timestamp\":\"2025-12-01T10:00:04Z\",\"result\":[{\"functionResponse\":"
            + "{\"id\":\"read_file-1\",\"name\":\"read_file\",\"response\":{\"output\":\"export {}\"}}}]},"
            + "{\"id\":\"run-2\",\"name\":\"run_shell_command\",\"args\":{\"command\":\"rm dist/old.js\",\"directory\":\"/p\"},"
            + "\"status\":\"error\",\"result\":[{\"functionResponse\":{\"response\":{\"error\":\"denied\"}}}]}]},"
            + "{\"id\":\"m3\",\"timestamp\":\"2025-12-01T10:00:09Z\",\"type\":\"gemini\",\"content\":\"done\","
            + "\"tokens\":{\"input\":12500,\"output\":10,\"cached\":0,\"total\":12510},"
            + "\"toolCalls\":[{\"id\":\"replace-3\",\"name\":\"replace\",\"args\":{\"file_path\":\"/p/src/app.ts\","
            + "\"old_string\":\"export {}\",\"new_string\":\"export const x = 1\"},\"status\":\"success\","
            + "\"result\":[]}]}]";

    @Test
    void geminiJsonDocument() throws Exception {
        Path f = tmp.resolve("session-2025-12-01T10-00-abcd.json");
        Files.writeString(f, "{\n  \"sessionId\": \"g-1\",\n  \"projectHash\": \"ab\",\n  \"startTime\": \"x\",\n"
                + "  \"messages\": " + GEMINI_MESSAGES + "\n}\n");
        TraceSession s = TranscriptReader.read(f, ProgressListener.NONE);
        assertGemini(s);
    }

    @Test
    void geminiJsonLinesWithARewrittenMessage() throws Exception {
        Path f = tmp.resolve("session-2025-12-01T10-00-abcd.jsonl");
        com.fasterxml.jackson.databind.JsonNode msgs = TranscriptParser.MAPPER.readTree(GEMINI_MESSAGES);
        StringBuilder sb = new StringBuilder("{\"sessionId\":\"g-1\",\"projectHash\":\"ab\",\"startTime\":\"x\"}\n");
        for (com.fasterxml.jackson.databind.JsonNode m : msgs) {
            sb.append(m.toString()).append('\n');
        }
        sb.append(msgs.get(2).toString()).append('\n');
        Files.writeString(f, sb.toString());
        assertGemini(TranscriptReader.read(f, ProgressListener.NONE));
    }

    private static void assertGemini(TraceSession s) {
        assertThat(s.agent()).isEqualTo(AgentKind.GEMINI);
        assertThat(s.id()).isEqualTo("g-1");
        assertThat(s.model()).isEqualTo("gemini-2.5-pro");
        assertThat(s.calls()).extracting(ToolCall::tool).containsExactly("read_file", "run_shell_command", "replace");
        assertThat(s.calls()).extracting(ToolCall::kind).containsExactly(CallKind.EXPLORE, CallKind.MUTATE_SHELL,
                CallKind.EDIT);
        assertThat(s.call(2).error()).isTrue();
        assertThat(s.steps()).hasSize(2);
        assertThat(s.apiCalls()).hasSize(2);
        assertThat(s.apiCalls().get(0).contextTokens()).isEqualTo(12000);
        assertThat(s.prompts()).containsExactly("fix src/app.ts");
        // the failed rm changed nothing; the replace did
        assertThat(s.fileChanges()).extracting(FileChange::path).containsExactly("/p/src/app.ts");
    }

    @Test
    void codexParallelCallsFailuresLegacyShellAndCompaction() throws Exception {
        String lines = String.join("\n",
                "{\"timestamp\":\"t0\",\"type\":\"session_meta\",\"payload\":{\"id\":\"c-1\",\"cwd\":\"/w\",\"cli_version\":\"0.30.0\"}}",
                "{\"timestamp\":\"t1\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"shell\","
                        + "\"arguments\":\"{\\\"command\\\":[\\\"bash\\\",\\\"-lc\\\",\\\"git mv a.txt b.txt\\\"],\\\"workdir\\\":\\\"/w\\\"}\","
                        + "\"call_id\":\"c1\"}}",
                "{\"timestamp\":\"t1\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call\",\"name\":\"shell\","
                        + "\"arguments\":\"{\\\"command\\\":[\\\"cargo\\\",\\\"test\\\"]}\",\"call_id\":\"c2\"}}",
                "{\"timestamp\":\"t2\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"c1\","
                        + "\"output\":\"{\\\"output\\\":\\\"\\\",\\\"metadata\\\":{\\\"exit_code\\\":0,\\\"duration_seconds\\\":0.1}}\"}}",
                "{\"timestamp\":\"t2\",\"type\":\"response_item\",\"payload\":{\"type\":\"function_call_output\",\"call_id\":\"c2\","
                        + "\"output\":\"{\\\"output\\\":\\\"test result: FAILED\\\",\\\"metadata\\\":{\\\"exit_code\\\":101}}\"}}",
                "{\"timestamp\":\"t3\",\"type\":\"compacted\",\"payload\":{\"message\":\"summary\"}}",
                "{\"timestamp\":\"t4\",\"type\":\"response_item\",\"payload\":{\"type\":\"local_shell_call\",\"call_id\":\"c3\","
                        + "\"status\":\"completed\",\"action\":{\"type\":\"exec\",\"command\":[\"ls\",\"-la\"]}}}",
                "");
        Path f = tmp.resolve("rollout-x.jsonl");
        Files.writeString(f, lines);
        TraceSession s = TranscriptReader.read(f, ProgressListener.NONE);
        assertThat(s.agent()).isEqualTo(AgentKind.CODEX);
        assertThat(s.steps()).extracting(st -> st.calls().size()).containsExactly(2, 1);
        assertThat(s.call(1).kind()).isEqualTo(CallKind.MUTATE_SHELL);
        assertThat(s.call(2).kind()).isEqualTo(CallKind.VERIFY);
        assertThat(s.call(2).error()).isTrue();
        assertThat(s.call(2).excerpt()).isEqualTo("test result: FAILED");
        assertThat(s.call(3).kind()).isEqualTo(CallKind.EXPLORE);
        assertThat(s.compactions()).hasSize(1);
        assertThat(s.compactions().get(0).afterCall()).isEqualTo(2);
        assertThat(s.fileChanges()).extracting(c -> c.op().label() + " " + c.path())
                .containsExactly("move-from /w/a.txt", "move-to /w/b.txt");
    }

    @Test
    void claudeSubagentFilesAndSidechainsBecomeSubSessions() throws Exception {
        Path main = tmp.resolve("abc.jsonl");
        Files.copy(Fixtures.transcript(Fixtures.CLAUDE_CRUD), main);
        Path subs = tmp.resolve("abc/subagents");
        Files.createDirectories(subs);
        Files.writeString(subs.resolve("agent-1.jsonl"), new ClaudeScript("/w").prompt("look around")
                .step(ClaudeScript.read("/w/a", "x"), ClaudeScript.read("/w/b", "y")).text());
        String sidechain = "{\"type\":\"assistant\",\"isSidechain\":true,\"agentId\":\"side-9\",\"sessionId\":\"s\","
                + "\"uuid\":\"q\",\"requestId\":\"r\",\"message\":{\"id\":\"m\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"t\",\"name\":\"Grep\",\"input\":{\"pattern\":\"x\"}}]}}\n";
        Files.writeString(main, sidechain, java.nio.file.StandardOpenOption.APPEND);
        TraceSession s = TranscriptReader.read(main, ProgressListener.NONE);
        assertThat(s.calls()).hasSize(9);
        assertThat(s.subagents()).hasSize(2);
        assertThat(s.subagents().get(0).id()).isEqualTo("side-9");
        assertThat(s.subagents().get(0).calls()).extracting(ToolCall::tool).containsExactly("Grep");
        assertThat(s.subagents().get(1).calls()).hasSize(2);
        assertThat(s.subagents().get(1).steps()).hasSize(1);
    }
}
