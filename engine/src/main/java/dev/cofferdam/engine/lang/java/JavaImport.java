package dev.cofferdam.engine.lang.java;

/**
 * An import declaration.
 *
 * @param name     the imported name without {@code .*} ({@code java.util.List}, {@code a.b} for
 *                 {@code a.b.*}, {@code a.B.m} for a static member)
 * @param isStatic {@code import static}
 * @param onDemand ends with {@code .*}
 */
public record JavaImport(String name, boolean isStatic, boolean onDemand) {
}
