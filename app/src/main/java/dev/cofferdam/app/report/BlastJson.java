package dev.cofferdam.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.blast.ModuleImpact;
import dev.cofferdam.engine.blast.RankedFile;
import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.map.RepoMap;
import java.util.List;

/**
 * {@code cofferdam blast --format json}, schema 1 (README "JSON contracts"): schema, seeds,
 * impacted, modules, tests, owners, then the extras cycles, history and combined. Stateless and
 * thread-safe.
 */
public final class BlastJson {
    /** Length of the combined ranking. */
    static final int COMBINED = 50;

    private BlastJson() {
    }

    public static String render(BlastReport report) {
        return Json.write(tree(report));
    }

    public static ObjectNode tree(BlastReport report) {
        BlastResult r = report.result();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", RepoMap.SCHEMA);
        Json.strings(root, "seeds", r.seeds());
        impacts(root.putArray("impacted"), r.impacted());
        ArrayNode modules = root.putArray("modules");
        for (ModuleImpact m : r.modules()) {
            ObjectNode o = modules.addObject();
            o.put("id", m.id());
            o.put("files", m.files());
            o.put("score", Json.round(m.score()));
        }
        impacts(root.putArray("tests"), r.tests());
        Json.strings(root, "owners", r.owners());
        Json.pathLists(root, "cycles", r.cycles());
        ArrayNode history = root.putArray("history");
        for (CoChange c : report.history()) {
            ObjectNode o = history.addObject();
            o.put("path", c.path());
            o.put("seed", c.seed());
            o.put("support", c.support());
            o.put("confidence", Json.round(c.confidence()));
            o.put("inStaticRadius", report.inStaticRadius(c.path()));
        }
        ArrayNode combined = root.putArray("combined");
        for (RankedFile f : report.combined(COMBINED)) {
            ObjectNode o = combined.addObject();
            o.put("path", f.path());
            o.put("score", Json.round(f.score()));
            if (f.staticScore() == null) {
                o.putNull("staticScore");
            } else {
                o.put("staticScore", Json.round(f.staticScore()));
            }
            if (f.historyConfidence() == null) {
                o.putNull("historyConfidence");
            } else {
                o.put("historyConfidence", Json.round(f.historyConfidence()));
            }
        }
        return root;
    }

    private static void impacts(ArrayNode out, List<Impact> impacts) {
        for (Impact i : impacts) {
            ObjectNode o = out.addObject();
            o.put("path", i.path());
            o.put("distance", i.distance());
            o.put("score", Json.round(i.score()));
            Json.strings(o, "via", i.via());
            o.put("module", i.module());
            o.put("test", i.test());
            Json.strings(o, "owners", i.owners());
        }
    }
}
