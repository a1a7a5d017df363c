package dev.cofferdam.engine.trace.report;

import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.Map;

/**
 * The headline figures of a session.
 *
 * @param id           session id
 * @param agent        agent
 * @param source       transcript file
 * @param cwd          working directory, or null
 * @param model        model, or null
 * @param version      agent version, or null
 * @param prompts      user prompts
 * @param steps        model responses that issued calls
 * @param calls        tool calls
 * @param failures     failed calls, sibling cascades collapsed
 * @param apiCalls     model requests (each counted once)
 * @param outputTokens output tokens over all requests
 * @param compactions  compactions recorded
 * @param subagents    sub-agent sessions
 * @param skipped      unusable lines by reason
 * @param unknown      records of unknown type kept raw
 */
public record SessionSummary(String id, AgentKind agent, String source, String cwd, String model, String version,
                             int prompts, int steps, int calls, int failures, int apiCalls, long outputTokens,
                             int compactions, int subagents, Map<String, Integer> skipped, int unknown) {
    public SessionSummary {
        skipped = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skipped));
    }

    public static SessionSummary of(TraceSession s) {
        return new SessionSummary(s.id(), s.agent(), s.source(), s.cwd(), s.model(), s.version(), s.prompts().size(),
                s.steps().size(), s.calls().size(), s.failures(), s.apiCalls().size(),
                s.apiCalls().stream().mapToLong(ApiCall::outputTokens).sum(), s.compactions().size(),
                s.subagents().size(), s.skipped(), s.unknown().size());
    }
}
