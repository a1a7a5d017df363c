package dev.cofferdam.app.review;

import dev.cofferdam.app.report.BlastMarkdown;
import dev.cofferdam.engine.trace.report.MarkdownReport;
import java.util.Locale;

/**
 * {@code cofferdam review --format md}: the diff's files, then the blast radius (tests to run and
 * owners to notify among its sections) and the trace report, each one heading level down. Thread-safe.
 */
public final class ReviewMarkdown {
    private ReviewMarkdown() {
    }

    public static String render(Review r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Review of ").append(r.change()).append("\n\n");
        sb.append(r.files().size()).append(r.files().size() == 1 ? " file" : " files").append(" changed, +")
                .append(r.added()).append(" −").append(r.deleted()).append(", ")
                .append(r.blast().result().impacted().size()).append(" files impacted, ")
                .append(r.blast().result().tests().size()).append(" tests to run.\n\n");
        sb.append("## Files\n\n| file | change | + | − | module |\n|---|---|---|---|---|\n");
        for (DiffStat f : r.files()) {
            String path = f.oldPath() == null ? "`" + f.path() + "`" : "`" + f.oldPath() + "` → `" + f.path() + "`";
            sb.append("| ").append(path).append(" | ").append(f.kind().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(f.binary() ? "bin" : String.valueOf(f.added())).append(" | ")
                    .append(f.binary() ? "bin" : String.valueOf(f.deleted())).append(" | ")
                    .append(r.modules().getOrDefault(f.path(), "")).append(" |\n");
        }
        sb.append('\n').append(demote(BlastMarkdown.render(r.blast())));
        if (r.trace() != null) {
            sb.append('\n').append(demote(MarkdownReport.render(r.trace())));
        }
        return sb.toString();
    }

    /** One heading level down, so the parts nest under the review's title. */
    static String demote(String markdown) {
        return markdown.replaceAll("(?m)^#", "##");
    }
}
