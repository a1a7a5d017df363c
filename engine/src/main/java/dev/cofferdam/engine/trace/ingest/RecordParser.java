package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns the records of one transcript format into calls on a {@link SessionBuilder}. Not thread-safe. */
interface RecordParser {
    /**
     * @param record one parsed JSON object
     * @param line   its 1-based line number
     * @param b      the session being built
     */
    void accept(JsonNode record, long line, SessionBuilder b);
}
