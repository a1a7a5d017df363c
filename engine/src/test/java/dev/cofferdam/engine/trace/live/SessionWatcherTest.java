package dev.cofferdam.engine.trace.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.SessionLocator;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.SessionRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionWatcherTest {
    @TempDir
    Path home;

    private Path write(String rel, String text) throws Exception {
        Path p = home.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void locatorFindsEachAgentsLayoutAndSkipsSubagentFiles() throws Exception {
        write(".claude/projects/-work-x/abc.jsonl", "{}\n");
        write(".claude/projects/-work-x/abc/subagents/agent-1.jsonl", "{}\n");
        write(".codex/sessions/2026/01/25/rollout-2026-01-25T10-32-00-x.jsonl", "{}\n");
        write(".codex/sessions/2026/01/25/notes.txt", "x");
        write(".gemini/tmp/0a1b/chats/session-2026-01-01T10-00-aaaa.json", "{}");
        SessionLocator locator = new SessionLocator(SessionRoots.fromEnvironment(Map.of(), home));
        List<SessionRef> refs = locator.find();
        assertThat(refs).extracting(SessionRef::agent).containsExactlyInAnyOrder(
                AgentKind.CLAUDE_CODE, AgentKind.CODEX, AgentKind.GEMINI);
        assertThat(refs).extracting(r -> Path.of(r.path()).getFileName().toString()).containsExactlyInAnyOrder(
                "abc.jsonl", "rollout-2026-01-25T10-32-00-x.jsonl", "session-2026-01-01T10-00-aaaa.json");
    }

    @Test
    void rootsCanBeOverriddenByEnvironment() {
        SessionRoots r = SessionRoots.fromEnvironment(Map.of("COFFERDAM_CODEX_ROOT", "/x/codex",
                "CODEX_HOME", "/ignored"), home);
        assertThat(r.codex()).isEqualTo(Path.of("/x/codex"));
        assertThat(r.claude()).isEqualTo(home.resolve(".claude/projects"));
        assertThat(SessionRoots.fromEnvironment(Map.of("CODEX_HOME", "/ch"), home).codex())
                .isEqualTo(Path.of("/ch/sessions"));
    }

    @Test
    void watcherReportsNewAndGrownSessionsOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        SessionWatcher w = new SessionWatcher(new SessionLocator(SessionRoots.fromEnvironment(Map.of(), home)),
                ref -> seen.add(Path.of(ref.path()).getFileName().toString()));
        w.scan();
        assertThat(seen).isEmpty();
        Path a = write(".claude/projects/-p/a.jsonl", "{}\n");
        w.scan();
        w.scan();
        assertThat(seen).containsExactly("a.jsonl");
        Files.writeString(a, "{}\n{}\n");
        write(".codex/sessions/2026/02/01/rollout-b.jsonl", "{}\n");
        w.scan();
        assertThat(seen).containsExactlyInAnyOrder("a.jsonl", "a.jsonl", "rollout-b.jsonl");
    }
}
