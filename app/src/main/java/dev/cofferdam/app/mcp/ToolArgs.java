package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** Typed access to a tool call's {@code arguments}; a wrong type is an invalid-params error. */
final class ToolArgs {
    private final JsonNode args;

    ToolArgs(JsonNode args) throws RpcException {
        if (args != null && !args.isNull() && !args.isObject()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "arguments must be an object");
        }
        this.args = args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args;
    }

    String string(String name) throws RpcException {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "argument '" + name + "' must be a string");
        }
        return v.asText();
    }

    String required(String name) throws RpcException {
        String v = string(name);
        if (v == null || v.isBlank()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "missing argument '" + name + "'");
        }
        return v;
    }

    List<String> strings(String name) throws RpcException {
        JsonNode v = args.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "argument '" + name + "' must be an array of strings");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new RpcException(RpcException.INVALID_PARAMS, "argument '" + name + "' must be an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    boolean bool(String name) throws RpcException {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "argument '" + name + "' must be true or false");
        }
        return v.asBoolean();
    }

    int integer(String name, int dflt) throws RpcException {
        JsonNode v = args.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new RpcException(RpcException.INVALID_PARAMS, "argument '" + name + "' must be a whole number >= 0");
        }
        return v.asInt();
    }

    /** {@code format}: "md" (default) or "json". */
    boolean json() throws RpcException {
        String f = string("format");
        if (f == null || f.equals("md")) {
            return false;
        }
        if (f.equals("json")) {
            return true;
        }
        throw new RpcException(RpcException.INVALID_PARAMS, "argument 'format' must be md or json");
    }
}
