package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.TraceSession;

/** The token count at which the agent is expected to compact its context. Stateless, thread-safe. */
public final class ContextLimit {
    private ContextLimit() {
    }

    /** @return the compaction threshold in tokens for this session */
    public static long of(TraceSession s, Thresholds t) {
        long window = 0;
        for (ApiCall a : s.apiCalls()) {
            window = Math.max(window, a.contextWindow());
        }
        if (s.agent() == AgentKind.CODEX && window > 0) {
            return Math.round(window * t.codexCompactShare());
        }
        if (s.agent() == AgentKind.GEMINI) {
            return Math.round((window > 0 ? window : t.geminiWindow()) * t.geminiCompactShare());
        }
        return t.claudeCompactAt();
    }
}
