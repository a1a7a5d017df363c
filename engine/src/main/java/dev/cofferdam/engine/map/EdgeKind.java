package dev.cofferdam.engine.map;

/** Kinds of dependency. Serialized in lower case with '-' ("static-import"). */
public enum EdgeKind {
    IMPORT, REFERENCE, EXTENDS, IMPLEMENTS, ANNOTATION, STATIC_IMPORT
}
