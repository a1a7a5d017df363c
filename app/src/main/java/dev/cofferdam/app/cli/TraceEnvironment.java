package dev.cofferdam.app.cli;

import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.engine.trace.SessionRoots;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.store.TraceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the trace commands: where transcripts and the store live. */
final class TraceEnvironment {
    @Option(names = "--claude-root", paramLabel = "DIR",
            description = "Claude Code projects directory (default ~/.claude/projects, env COFFERDAM_CLAUDE_ROOT)")
    Path claudeRoot;

    @Option(names = "--codex-root", paramLabel = "DIR",
            description = "Codex sessions directory (default ~/.codex/sessions, env COFFERDAM_CODEX_ROOT)")
    Path codexRoot;

    @Option(names = "--gemini-root", paramLabel = "DIR",
            description = "Gemini CLI tmp directory (default ~/.gemini/tmp, env COFFERDAM_GEMINI_ROOT)")
    Path geminiRoot;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where parsed sessions are stored (default $XDG_DATA_HOME/cofferdam, env COFFERDAM_DATA_DIR)")
    Path dataDir;

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    SessionRoots roots() {
        Map<String, String> env = new HashMap<>(System.getenv());
        SessionRoots d = SessionRoots.fromEnvironment(env, home());
        return new SessionRoots(claudeRoot != null ? claudeRoot : d.claude(), codexRoot != null ? codexRoot : d.codex(),
                geminiRoot != null ? geminiRoot : d.gemini());
    }

    /** @return the agents' folders of this user and those of the sandboxed runs ({@code cofferdam run}) */
    List<SessionRoots> allRoots() {
        List<SessionRoots> all = new ArrayList<>();
        all.add(roots());
        all.addAll(new RunStore(dataDir()).sessionRoots());
        return all;
    }

    /** @return the data directory: the trace store and the egress log live there */
    Path dataDir() {
        return dataDir != null ? dataDir : TraceStore.defaultDir(System.getenv(), home());
    }

    TraceStore store() throws TraceException {
        return new TraceStore(dataDir());
    }
}
