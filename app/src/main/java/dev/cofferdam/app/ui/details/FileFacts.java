package dev.cofferdam.app.ui.details;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.SourceFile;
import java.util.List;

/**
 * Facts about one file.
 *
 * @param module   the module it is drawn in (a build module when package clusters are rolled up)
 * @param uses     resolved dependencies (edges out), heaviest first
 * @param usedBy   files that use it (edges in), heaviest first
 * @param external references that resolve outside the repository
 * @param cycle    the cycle it sits in, empty when none
 */
public record FileFacts(SourceFile file, String module, List<JavaType> types, List<Edge> uses, List<Edge> usedBy,
                        List<ExternalRef> external, List<String> cycle) implements Facts {
    public FileFacts {
        types = List.copyOf(types);
        uses = List.copyOf(uses);
        usedBy = List.copyOf(usedBy);
        external = List.copyOf(external);
        cycle = List.copyOf(cycle);
    }

    @Override
    public String title() {
        return file.path().substring(file.path().lastIndexOf('/') + 1);
    }
}
