package dev.cofferdam.engine.map;

/** How a module was found. Serialized in lower case ("maven", "gradle", "package", "directory"). */
public enum ModuleKind {
    MAVEN, GRADLE, PACKAGE, DIRECTORY
}
