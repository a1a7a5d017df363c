package dev.cofferdam.app.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.app.report.BlastJson;
import dev.cofferdam.engine.blast.Impact;
import java.util.Locale;

/** {@code cofferdam review --format json}, schema 1 (README "JSON contracts" → "Review"). Thread-safe. */
public final class ReviewJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReviewJson() {
    }

    public static String render(Review r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Review.SCHEMA);
        root.put("change", r.change());
        ArrayNode files = root.putArray("files");
        for (DiffStat f : r.files()) {
            ObjectNode o = files.addObject().put("path", f.path()).put("oldPath", f.oldPath())
                    .put("change", f.kind().name().toLowerCase(Locale.ROOT)).put("module", r.modules().get(f.path()));
            if (f.binary()) {
                o.putNull("added").putNull("deleted");
            } else {
                o.put("added", f.added()).put("deleted", f.deleted());
            }
        }
        root.putObject("totals").put("files", r.files().size()).put("added", r.added()).put("deleted", r.deleted());
        ArrayNode tests = root.putArray("tests");
        r.blast().result().tests().stream().map(Impact::path).forEach(tests::add);
        ArrayNode owners = root.putArray("owners");
        r.blast().result().owners().forEach(owners::add);
        root.set("blast", BlastJson.tree(r.blast()));
        if (r.trace() == null) {
            root.putNull("trace");
        } else {
            root.set("trace", JSON.valueToTree(r.trace()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }
}
