package com.jorge.platform.inference.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The parts of a version's {@code metadata.json} (written by models/, schema in models/README.md)
 * that serving needs. {@code sha256} is required: a model whose bytes cannot be checked is not served.
 *
 * @param allowNan NaN inputs accepted; the default, true, because the tree models read NaN as
 *                 "unknown" (the shared feature encoder's convention). {@code "allow_nan": false}
 *                 makes NaN a 400. Infinities are always refused.
 * @param features the feature names in input column order, empty when not given
 */
public record ModelMetadata(String sha256, boolean allowNan, List<String> features, String encoder, JsonNode raw) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ModelMetadata parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("metadata.json is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("metadata.json must be an object");
        }
        String sha = root.path("sha256").asText("");
        if (sha.length() != 64 || !HexFormat.isHexDigit(sha.charAt(0)) || !sha.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("metadata.json needs 'sha256', the model's 64 hex digit SHA-256");
        }
        boolean allowNan = !root.has("allow_nan") || root.get("allow_nan").asBoolean(true);
        List<String> features = root.path("features").isArray()
                ? StreamSupport.stream(root.get("features").spliterator(), false).map(JsonNode::asText).toList()
                : List.of();
        String encoder = root.path("encoder").isTextual() ? root.get("encoder").asText() : null;
        return new ModelMetadata(sha.toLowerCase(java.util.Locale.ROOT), allowNan, features, encoder, root);
    }
}
