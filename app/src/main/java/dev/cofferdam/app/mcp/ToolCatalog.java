package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The tools {@code cofferdam mcp} offers, with terse schemas (the whole list stays under 4 KB). */
final class ToolCatalog {
    static final String DOMAIN_MAP = "domain_map";
    static final String BLAST_RADIUS = "blast_radius";
    static final String MODULE_OF = "module_of";
    static final String DEPENDENTS = "dependents";
    static final String DEPENDENCIES = "dependencies";
    static final String OWNERS = "owners";
    static final String CONTEXT_FOR_CHANGE = "context_for_change";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ToolCatalog() {
    }

    static List<ToolSpec> tools() {
        return List.of(
                new ToolSpec(DOMAIN_MAP, "Repository map: modules, their dependencies and owners, most depended-on files, cycles.",
                        schema().format().build()),
                new ToolSpec(BLAST_RADIUS, "What a change may break, ranked: impacted files, tests to run, modules, owners.",
                        schema().change().prop("depth", "integer", "Hops at most (0 = no limit)").format().build()),
                new ToolSpec(MODULE_OF, "The module of a file or type.",
                        schema().prop("path", "string", "File path or type (a.b.C)").require("path").build()),
                new ToolSpec(DEPENDENTS, "Files that use a file or type directly.",
                        schema().prop("path", "string", "File path or type (a.b.C)").require("path").build()),
                new ToolSpec(DEPENDENCIES, "What a file or type uses: files in the repository and external names.",
                        schema().prop("path", "string", "File path or type (a.b.C)").require("path").build()),
                new ToolSpec(OWNERS, "Owners of a file, directory or module (CODEOWNERS, then git authors).",
                        schema().prop("path", "string", "File, directory or module id").require("path").build()),
                new ToolSpec(CONTEXT_FOR_CHANGE, "Token-budgeted Markdown pack before a change: blast radius, tests, owners, module map.",
                        schema().change().prop("budget", "integer", "Most tokens (default 6000, 0 = no limit)").build()));
    }

    private static Schema schema() {
        return new Schema();
    }

    /** A small JSON Schema builder for object arguments. */
    private static final class Schema {
        private final ObjectNode root = F.objectNode().put("type", "object");
        private final ObjectNode props = root.putObject("properties");

        Schema prop(String name, String type, String description) {
            props.putObject(name).put("type", type).put("description", description);
            return this;
        }

        Schema format() {
            ObjectNode f = props.putObject("format").put("type", "string");
            f.putArray("enum").add("md").add("json");
            return this;
        }

        Schema change() {
            ObjectNode s = props.putObject("seeds").put("type", "array").put("description", "Files, directories, types or modules");
            s.putObject("items").put("type", "string");
            prop("git", "string", "Revision range A..B");
            prop("working_tree", "boolean", "Uncommitted changes");
            return this;
        }

        Schema require(String name) {
            ArrayNode r = root.withArray("required");
            r.add(name);
            return this;
        }

        ObjectNode build() {
            return root;
        }
    }
}
