package dev.cofferdam.engine.trace.report;

import dev.cofferdam.engine.trace.detect.Finding;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link TraceReport} as Markdown. Stateless, thread-safe. */
public final class MarkdownReport {
    private static final int CURVE_POINTS = 40;

    private MarkdownReport() {
    }

    public static String render(TraceReport r) {
        StringBuilder sb = new StringBuilder();
        SessionSummary s = r.session();
        sb.append("# Trace report: ").append(s.id()).append("\n\n");
        sb.append("- agent: ").append(s.agent().label()).append(s.version() == null ? "" : " " + s.version())
                .append(s.model() == null ? "" : ", model " + s.model()).append('\n');
        sb.append("- source: `").append(s.source()).append("`\n");
        if (s.cwd() != null) {
            sb.append("- working directory: `").append(s.cwd()).append("`\n");
        }
        sb.append(String.format(Locale.ROOT, "- %d prompts, %d steps, %d tool calls, %d failures, %d model requests, "
                + "%d compactions, %d sub-agents%n", s.prompts(), s.steps(), s.calls(), s.failures(), s.apiCalls(),
                s.compactions(), s.subagents()));
        if (!s.skipped().isEmpty() || s.unknown() > 0) {
            sb.append("- skipped lines: ").append(s.skipped().isEmpty() ? "none" : s.skipped())
                    .append("; unknown records kept raw: ").append(s.unknown()).append('\n');
        }
        findings(r.findings(), sb);
        files(r, sb);
        curve(r, sb);
        if (r.hosts() != null) {
            sb.append("\n## Hosts contacted\n\n");
            r.hosts().forEach(h -> sb.append("- ").append(h.host()).append(": ").append(h.requests())
                    .append(h.requests() == 1 ? " request" : " requests")
                    .append(h.denied() > 0 ? ", " + h.denied() + " denied" : "").append('\n'));
            if (r.hosts().isEmpty()) {
                sb.append("none\n");
            }
        }
        return sb.toString();
    }

    private static void findings(List<Finding> findings, StringBuilder sb) {
        sb.append("\n## Findings\n\n");
        if (findings.isEmpty()) {
            sb.append("none\n");
            return;
        }
        sb.append("| severity | detector | calls | finding | thresholds |\n|---|---|---|---|---|\n");
        for (Finding f : findings) {
            sb.append("| ").append(f.severity().label()).append(" | ").append(f.detector()).append(" | ")
                    .append(f.seqs().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                    .append(" | ").append(f.message().replace("|", "\\|")).append(" | ")
                    .append(f.thresholds()).append(" |\n");
        }
    }

    private static void files(TraceReport r, StringBuilder sb) {
        sb.append("\n## Files touched\n\n");
        if (r.files().isEmpty()) {
            sb.append("none\n");
            return;
        }
        if (r.seeds() != null) {
            sb.append("Seeds: ").append(r.seeds().isEmpty() ? "none found (no neighbourhood check)" : r.seeds())
                    .append("\n\n");
        }
        sb.append("| file | read by | changed by | changes | in neighbourhood |\n|---|---|---|---|---|\n");
        for (FileTouch f : r.files()) {
            sb.append("| `").append(f.path()).append("` | ").append(join(f.reads())).append(" | ")
                    .append(join(f.changes())).append(" | ").append(String.join(", ", f.ops())).append(" | ")
                    .append(f.inside() == null ? "" : f.inside() ? "yes" : "**no**").append(" |\n");
        }
    }

    private static String join(List<Integer> seqs) {
        return seqs.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static void curve(TraceReport r, StringBuilder sb) {
        sb.append("\n## Context\n\n");
        if (r.context().isEmpty()) {
            sb.append("no usage recorded\n");
            return;
        }
        sb.append("Compaction threshold: ").append(r.contextLimit()).append(" tokens\n\n```\n");
        int n = r.context().size();
        int stride = Math.max(1, (n + CURVE_POINTS - 1) / CURVE_POINTS);
        for (int i = 0; i < n; i += stride) {
            ContextPoint p = r.context().get(i);
            int bar = (int) Math.min(50, Math.round(50.0 * p.tokens() / r.contextLimit()));
            sb.append(String.format(Locale.ROOT, "%4d %8d %s%n", p.request(), p.tokens(), "#".repeat(bar)));
        }
        sb.append("```\n");
    }
}
