package dev.cofferdam.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.engine.map.EdgeKind;
import java.util.List;
import java.util.Locale;

/** Shared JSON helpers: one mapper, enum names in the contract's spelling, rounded scores. Thread-safe. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** {@code STATIC_IMPORT} → {@code static-import}. */
    static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String kind(EdgeKind k) {
        return enumName(k);
    }

    static ArrayNode strings(ObjectNode parent, String field, List<String> values) {
        ArrayNode a = parent.putArray(field);
        values.forEach(a::add);
        return a;
    }

    /** Six decimals: enough to rank, no {@code 0.7200000000000001}. */
    /** A list of path lists, e.g. the cycles of a map or of a blast radius. */
    static ArrayNode pathLists(ObjectNode parent, String field, List<List<String>> lists) {
        ArrayNode array = parent.putArray(field);
        for (List<String> list : lists) {
            ArrayNode a = array.addArray();
            list.forEach(a::add);
        }
        return array;
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }
}
