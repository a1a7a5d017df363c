package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One MCP tool as {@code tools/list} shows it.
 *
 * @param name        the tool's name
 * @param description what it answers, one short sentence
 * @param inputSchema JSON Schema of its arguments
 */
public record ToolSpec(String name, String description, ObjectNode inputSchema) {
}
