package dev.cofferdam.engine.map;

import java.util.List;

/**
 * A module: a build module (Maven, Gradle) or, below or without one, a package/directory cluster.
 *
 * @param id     stable identifier, unique in the map (the module's path, "." for the root)
 * @param name   display name (artifactId, Gradle project name, or the cluster's common prefix)
 * @param kind   how it was found
 * @param path   directory relative to the root ("." for the root)
 * @param files  number of files in it
 * @param loc    lines of code in it
 * @param owners aggregated from its files, most significant first
 */
public record Module(String id, String name, ModuleKind kind, String path, int files, int loc, List<String> owners) {
    public Module {
        owners = List.copyOf(owners);
    }
}
