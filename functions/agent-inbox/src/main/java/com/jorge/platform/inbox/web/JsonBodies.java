package com.jorge.platform.inbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.Refused;

/** Request bodies are read as text and parsed here, so a hostile body gets our 400 naming the field. */
final class JsonBodies {

    private JsonBodies() {}

    /** A string field of a JSON object body (null when absent); 400 naming the field for anything else. */
    static String textField(ObjectMapper json, String body, String field) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            throw Refused.invalid("$", "the body is not JSON");
        }
        if (root == null || !root.isObject()) throw Refused.invalid("$", "the body must be a JSON object");
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw Refused.invalid(field, field + " must be a string");
        return value.asText();
    }
}
