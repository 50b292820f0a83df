package io.sitedeck.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Set;

/** Reads request bodies strictly; a missing, malformed or mistyped body is a 400 that says why. */
final class SandboxBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxBodies() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw SandboxError.badRequest("A JSON body is required");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw SandboxError.badRequest("The body is not valid JSON: " + malformed.getOriginalMessage());
        }
    }

    static JsonNode object(String body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw SandboxError.badRequest("The body must be a JSON object");
        }
        return node;
    }

    static String requiredText(JsonNode object, String field) {
        String value = optionalText(object, field);
        if (value == null || value.isEmpty()) {
            throw SandboxError.badRequest("'" + field + "' is required and must be a non-empty string");
        }
        return value;
    }

    static String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SandboxError.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    static int requiredInt(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw SandboxError.badRequest("'" + field + "' is required and must be an integer");
        }
        return value.asInt();
    }

    static String oneOf(String value, String field, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw SandboxError.badRequest("'" + field + "' must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    /** The editDevice body: a bare JSON string such as {@code "New name"} (a number is taken as its text). */
    static String jsonString(String body) {
        JsonNode node = parse(body);
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        throw SandboxError.badRequest("The body must be a JSON string, e.g. \"New name\"");
    }
}
