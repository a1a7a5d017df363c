package dev.cofferdam.engine.scan;

import dev.cofferdam.engine.map.ModuleKind;

/**
 * A module declared by a build file.
 *
 * @param path directory relative to the root ("." for the root)
 * @param name artifactId, Gradle project name, or the folder name
 * @param kind MAVEN or GRADLE
 */
public record BuildModule(String path, String name, ModuleKind kind) {
}
