package dev.cofferdam.app.ui.details;

import dev.cofferdam.engine.map.Module;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about one module.
 *
 * @param dependsOn modules it uses, with the summed edge weight, heaviest first
 * @param usedBy    modules that use it, heaviest first
 * @param cycles    file cycles that have a file in this module
 */
public record ModuleFacts(Module module, Map<String, Integer> dependsOn, Map<String, Integer> usedBy,
                          List<List<String>> cycles) implements Facts {
    public ModuleFacts {
        dependsOn = Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        usedBy = Collections.unmodifiableMap(new LinkedHashMap<>(usedBy));
        cycles = List.copyOf(cycles);
    }

    @Override
    public String title() {
        return "Module " + module.name();
    }
}
