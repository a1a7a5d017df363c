package dev.cofferdam.engine.trace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileChange;
import dev.cofferdam.engine.trace.FileOp;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses the real transcripts; every expected figure was counted by hand from the files. */
class RealTranscriptTest {
    private static final String JOKE_CC = "/Users/philipp/dev/vibeinsights/fixtures/claudecode/JOKE.md";
    private static final String JOKE_CODEX = "/Users/philipp/dev/agentlogs/fixtures/JOKE.md";

    private static TraceSession read(String name) throws Exception {
        return TranscriptReader.read(Fixtures.transcript(name), ProgressListener.NONE);
    }

    @Test
    void claudeCrudCallsStepsAndUsageCountedOnce() throws Exception {
        TraceSession s = read(Fixtures.CLAUDE_CRUD);
        assertThat(s.agent()).isEqualTo(AgentKind.CLAUDE_CODE);
        assertThat(s.id()).isEqualTo("8122657c-fe54-4dc9-89a3-20049e8a84f7");
        assertThat(s.calls()).extracting(ToolCall::tool).containsExactly(
                "TodoWrite", "Write", "TodoWrite", "Read", "TodoWrite", "Edit", "TodoWrite", "Bash", "TodoWrite");
        assertThat(s.calls()).allMatch(ToolCall::hasResult);
        assertThat(s.steps()).hasSize(9);
        // 15 assistant lines, 10 distinct message id + request id pairs
        assertThat(s.apiCalls()).hasSize(10);
        assertThat(s.apiCalls().stream().mapToLong(ApiCall::outputTokens).sum()).isEqualTo(1508);
        assertThat(s.apiCalls().get(9).contextTokens()).isEqualTo(0 + 322 + 17573);
        assertThat(s.prompts()).hasSize(1);
        assertThat(s.skipped()).isEmpty();
        assertThat(s.unknown()).isEmpty();
        assertThat(s.recordTypes()).containsEntry("file-history-snapshot", 2).containsEntry("assistant", 15);
    }

    @Test
    void claudeCrudFilesChangedIncludeTheBashRm() throws Exception {
        TraceSession s = read(Fixtures.CLAUDE_CRUD);
        List<FileChange> changes = s.fileChanges();
        assertThat(changes).extracting(FileChange::op).containsExactly(FileOp.CREATE, FileOp.MODIFY, FileOp.DELETE);
        assertThat(changes).extracting(FileChange::path).containsOnly(JOKE_CC);
        assertThat(changes).extracting(FileChange::seq).containsExactly(2, 6, 8);
        assertThat(changes.get(0).diff()).startsWith("+# Why Don't Programmers Like Nature?\n+\n+Because it has");
        assertThat(changes.get(1).diff()).contains("-Because it has too many bugs!").startsWith("@@ -1,7 +1,9 @@");
        assertThat(changes.get(2).diff()).isNull();
        assertThat(s.call(8).kind()).isEqualTo(CallKind.MUTATE_SHELL);
        assertThat(s.call(4).kind()).isEqualTo(CallKind.EXPLORE);
        assertThat(s.call(4).targets()).containsExactly(JOKE_CC);
        assertThat(s.call(6).kind()).isEqualTo(CallKind.EDIT);
        assertThat(s.filesChangedInTurn(0)).containsExactly(JOKE_CC);
    }

    @Test
    void claudeToolHeavyGroupsParallelCallsByMessageId() throws Exception {
        TraceSession s = read(Fixtures.CLAUDE_TOOL_HEAVY);
        assertThat(s.calls()).extracting(ToolCall::tool)
                .containsExactly("Bash", "Bash", "WebSearch", "Glob", "Read", "WebFetch");
        assertThat(s.steps()).extracting(st -> st.calls().size()).containsExactly(1, 1, 2, 2);
        assertThat(s.apiCalls()).hasSize(4);
        // the last line of a message carries its final usage: 212 output tokens, not the 271 of every line
        assertThat(s.apiCalls().stream().mapToLong(ApiCall::outputTokens).sum()).isEqualTo(212);
        assertThat(s.apiCalls().get(3).contextTokens()).isEqualTo(27666);
        assertThat(s.prompts()).containsExactly("start phoenix in background",
                s.prompts().get(1)).element(1).asString().startsWith("scrolling back in xterm.js");
        assertThat(s.recordTypes()).containsEntry("progress", 10).containsEntry("queue-operation", 2);
        assertThat(s.fileChanges()).isEmpty();
        assertThat(s.calls()).extracting(ToolCall::kind).containsExactly(CallKind.OTHER, CallKind.EXPLORE,
                CallKind.EXPLORE, CallKind.EXPLORE, CallKind.EXPLORE, CallKind.EXPLORE);
    }

    @Test
    void codexCrudCallsTokensAndPatchFiles() throws Exception {
        TraceSession s = read(Fixtures.CODEX_CRUD);
        assertThat(s.agent()).isEqualTo(AgentKind.CODEX);
        assertThat(s.id()).isEqualTo("019bf4b5-e7b0-75a0-8bf2-05fbf1b13c9b");
        assertThat(s.model()).isEqualTo("gpt-5.2-codex");
        assertThat(s.calls()).extracting(ToolCall::tool)
                .containsExactly("exec_command", "exec_command", "apply_patch", "exec_command");
        assertThat(s.steps()).hasSize(4);
        assertThat(s.calls()).allMatch(c -> c.hasResult() && !c.error());
        // 9 token_count events with info, 5 distinct cumulative totals
        assertThat(s.apiCalls()).hasSize(5);
        ApiCall last = s.apiCalls().get(4);
        assertThat(last.contextTokens()).isEqualTo(9680);
        assertThat(last.contextWindow()).isEqualTo(258400);
        assertThat(s.prompts()).hasSize(1);
        List<FileChange> changes = s.fileChanges();
        assertThat(changes).extracting(FileChange::op).containsExactly(FileOp.MODIFY, FileOp.MODIFY, FileOp.DELETE);
        assertThat(changes).extracting(FileChange::path).containsOnly(JOKE_CODEX);
        assertThat(changes.get(1).diff()).contains("+Footer note: The office cactus applauds politely.");
        assertThat(s.calls()).extracting(ToolCall::kind).containsExactly(
                CallKind.MUTATE_SHELL, CallKind.EXPLORE, CallKind.EDIT, CallKind.MUTATE_SHELL);
        assertThat(s.call(2).targets()).containsExactly(JOKE_CODEX);
    }
}
