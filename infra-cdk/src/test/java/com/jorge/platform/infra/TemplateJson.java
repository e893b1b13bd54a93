package com.jorge.platform.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small reads over a synthesized template's JSON. */
final class TemplateJson {
    private TemplateJson() {
    }

    /** Resources of a type, by logical id. */
    static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    static JsonNode only(JsonNode template, String type) {
        Map<String, JsonNode> found = resources(template, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.values().iterator().next();
    }

    /** The resource whose property {@code key} has the text value {@code value}. */
    static JsonNode withProperty(JsonNode template, String type, String key, String value) {
        return resources(template, type).values().stream()
                .filter(r -> value.equals(r.path("Properties").path(key).asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " with " + key + "=" + value));
    }

    /** Every logical id a value refers to: Ref, Fn::GetAtt, and the producer's id inside a cross-stack output name. */
    static List<String> references(JsonNode value) {
        List<String> refs = new ArrayList<>();
        collect(value, refs);
        return refs;
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("Ref")) {
                refs.add(node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt")) {
                refs.add(node.get("Fn::GetAtt").get(0).asText());
            }
            if (node.has("Fn::GetStackOutput")) {
                refs.add("output:" + node.get("Fn::GetStackOutput").path("OutputName").asText());
            }
            if (node.has("Fn::ImportValue")) {
                refs.add("output:" + node.get("Fn::ImportValue").toString());
            }
            node.properties().forEach(e -> collect(e.getValue(), refs));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, refs));
        }
    }
}
