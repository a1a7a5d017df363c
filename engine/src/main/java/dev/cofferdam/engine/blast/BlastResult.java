package dev.cofferdam.engine.blast;

import java.util.List;

/**
 * The blast radius of a set of seeds, as {@code cofferdam blast --format json} prints it (schema 1).
 *
 * @param seeds    the seed files
 * @param impacted impacted non-test files, best score first
 * @param modules  modules touched, best score first
 * @param tests    impacted tests (the tests to run), best score first
 * @param owners   owners to notify, most impacted first
 * @param cycles   cycles (file paths) that the walk met
 */
public record BlastResult(List<String> seeds, List<Impact> impacted, List<ModuleImpact> modules, List<Impact> tests,
                          List<String> owners, List<List<String>> cycles) {
    public BlastResult {
        seeds = List.copyOf(seeds);
        impacted = List.copyOf(impacted);
        modules = List.copyOf(modules);
        tests = List.copyOf(tests);
        owners = List.copyOf(owners);
        cycles = cycles.stream().map(List::copyOf).toList();
    }
}
