package dev.cofferdam.engine.trace;

/**
 * A record of a type the parser does not know, kept verbatim so nothing is lost.
 *
 * @param line 1-based line number in the source file
 * @param type the record's "type" field, or null
 * @param json the record as written
 */
public record RawRecord(long line, String type, String json) {
}
