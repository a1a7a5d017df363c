package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.Compaction;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Context overflow: occupancy of the compaction threshold (latest request), a trend that crosses it
 * within a few requests, a single read larger than what is left, stuffing (explore output over a
 * share of the context with no recent edit), and compaction churn. Compactions are read from the
 * transcript, never predicted.
 * Stateless and thread-safe; O(calls).
 */
public final class ContextDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        long limit = ContextLimit.of(s, t);
        List<ApiCall> api = s.apiCalls();
        if (!api.isEmpty()) {
            ApiCall last = api.get(api.size() - 1);
            occupancy(last, limit, t, out);
            projection(api, limit, t, out);
            stuffing(s, last, t, out);
        }
        bigReads(s, limit, t, out);
        churn(s, t, out);
        return out;
    }

    private static List<Integer> at(ApiCall a) {
        return a.afterCall() > 0 ? List.of(a.afterCall()) : List.of();
    }

    private static void occupancy(ApiCall last, long limit, Thresholds t, List<Finding> out) {
        double occ = (double) last.contextTokens() / limit;
        if (occ >= t.contextAmber()) {
            Severity sev = occ >= t.contextRed() ? Severity.RED : Severity.AMBER;
            out.add(new Finding("context.occupancy", sev,
                    String.format(Locale.ROOT, "context at %d tokens, %.0f%% of the %d-token compaction threshold",
                            last.contextTokens(), occ * 100, limit),
                    at(last), Map.of("amber", t.contextAmber(), "red", t.contextRed(), "limit", limit)));
        }
    }

    private static void projection(List<ApiCall> api, long limit, Thresholds t, List<Finding> out) {
        int n = api.size();
        if (n < 2) {
            return;
        }
        ApiCall last = api.get(n - 1);
        ApiCall first = api.get(Math.max(0, n - 1 - t.projectionCalls()));
        int spans = n - 1 - first.index();
        double perCall = (double) (last.contextTokens() - first.contextTokens()) / spans;
        double projected = last.contextTokens() + perCall * t.projectionCalls();
        if (perCall > 0 && last.contextTokens() < limit && projected >= limit) {
            out.add(new Finding("context.projected-crossing", Severity.AMBER,
                    String.format(Locale.ROOT, "at +%.0f tokens per request the context crosses %d within %d requests",
                            perCall, limit, t.projectionCalls()),
                    at(last), Map.of("calls", t.projectionCalls(), "limit", limit)));
        }
    }

    private static void bigReads(TraceSession s, long limit, Thresholds t, List<Finding> out) {
        List<ApiCall> api = s.apiCalls();
        int a = -1;
        for (ToolCall c : s.calls()) {
            while (a + 1 < api.size() && api.get(a + 1).afterCall() < c.seq()) {
                a++;
            }
            if (a < 0 || c.kind() != CallKind.EXPLORE || !c.hasResult()) {
                continue;
            }
            long tokens = c.resultSize() / t.charsPerToken();
            long left = limit - api.get(a).contextTokens();
            if (tokens > left) {
                out.add(new Finding("context.read-larger-than-left", Severity.RED,
                        "a result of ~" + tokens + " tokens with ~" + Math.max(0, left) + " left: " + c.summary(),
                        List.of(c.seq()), Map.of("charsPerToken", t.charsPerToken(), "limit", limit)));
            }
        }
    }

    private static void stuffing(TraceSession s, ApiCall last, Thresholds t, List<Finding> out) {
        List<ToolCall> calls = s.calls();
        long exploreChars = 0;
        List<Integer> seqs = new ArrayList<>();
        int since = 0;
        for (int i = calls.size() - 1; i >= 0; i--) {
            ToolCall c = calls.get(i);
            if (c.kind() == CallKind.EDIT || CallTraits.changesFiles(c)) {
                break;
            }
            since++;
            if (c.kind() == CallKind.EXPLORE) {
                exploreChars += c.resultSize();
                seqs.add(0, c.seq());
            }
        }
        long tokens = exploreChars / t.charsPerToken();
        if (since >= t.stuffingCalls() && tokens > t.stuffingShare() * last.contextTokens() && tokens > 0) {
            out.add(new Finding("context.stuffing", Severity.AMBER,
                    "~" + tokens + " tokens of reads and searches over " + since + " calls with no edit",
                    seqs, Map.of("share", t.stuffingShare(), "calls", t.stuffingCalls())));
        }
    }

    private static void churn(TraceSession s, Thresholds t, List<Finding> out) {
        List<Compaction> cs = s.compactions();
        int start = 0;
        for (int i = 1; i <= cs.size(); i++) {
            boolean close = i < cs.size() && cs.get(i).afterCall() - cs.get(i - 1).afterCall() <= t.churnCalls();
            if (!close) {
                int n = i - start;
                if (n >= t.churnCompactions()) {
                    List<Integer> seqs = cs.subList(start, i).stream().map(Compaction::afterCall)
                            .filter(q -> q > 0).toList();
                    out.add(new Finding("context.compaction-churn", Severity.AMBER,
                            n + " compactions less than " + t.churnCalls() + " calls apart", seqs,
                            Map.of("compactions", t.churnCompactions(), "calls", t.churnCalls())));
                }
                start = i;
            }
        }
    }
}
