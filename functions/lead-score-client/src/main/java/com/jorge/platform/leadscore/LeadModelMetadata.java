package com.jorge.platform.leadscore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.models.features.FeatureSet;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a model version's {@code metadata.json} (schema in models/README.md) that scoring
 * needs, checked: a model is only opened when its bytes are the ones the metadata names and its
 * feature set is one this build links with the same columns.
 *
 * @param baseRate share of positives in the test split ({@code metrics.positives / metrics.rows}), NaN when not recorded
 */
record LeadModelMetadata(String name, String sha256, long sizeBytes, FeatureSet featureSet, double hotThreshold,
                         double baseRate) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    static LeadModelMetadata parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("metadata.json is not JSON: " + why);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("metadata.json must be a JSON object");
        }
        String name = root.path("name").asText("");
        if (!root.path("name").isTextual() || name.isBlank()) {
            throw new IllegalArgumentException("metadata.json needs 'name', the model's registry name");
        }
        String sha = root.path("sha256").asText("");
        if (!root.path("sha256").isTextual() || sha.length() != 64 || !sha.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("metadata.json needs 'sha256', the model's 64 hex digit SHA-256");
        }
        JsonNode size = root.path("size_bytes");
        if (!size.isIntegralNumber() || size.asLong() < 0) {
            throw new IllegalArgumentException("metadata.json needs 'size_bytes', the model's size in bytes");
        }
        if (!root.path("encoder").isTextual()) {
            throw new IllegalArgumentException("metadata.json needs 'encoder', the feature set the model was trained on");
        }
        String encoder = root.get("encoder").asText();
        FeatureSet featureSet;
        try {
            featureSet = FeatureSet.forVersion(encoder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata.json 'encoder': " + e.getMessage());
        }
        String mismatch = FeatureSet.mismatch(encoder, features(root.path("features")));
        if (mismatch != null) {
            throw new IllegalArgumentException("metadata.json 'features': trained on " + encoder + ", " + mismatch);
        }
        JsonNode hot = root.path("hot_threshold");
        if (!hot.isNumber() || !(hot.asDouble() >= 0 && hot.asDouble() <= 1)) {
            throw new IllegalArgumentException("metadata.json needs 'hot_threshold', a probability within 0..1");
        }
        return new LeadModelMetadata(name, sha.toLowerCase(Locale.ROOT), size.asLong(), featureSet, hot.asDouble(),
                baseRate(root.path("metrics")));
    }

    /** Refuses model bytes that are not the ones this metadata describes. */
    void verify(byte[] model) {
        if (model.length != sizeBytes) {
            throw new IllegalArgumentException("model.onnx is " + model.length + " bytes, metadata.json's size_bytes says "
                    + sizeBytes);
        }
        String actual = sha256(model);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("model.onnx sha256 " + actual + " differs from metadata.json's " + sha256);
        }
    }

    private static List<String> features(JsonNode features) {
        if (!features.isArray()) {
            throw new IllegalArgumentException("metadata.json needs 'features', the feature names in column order");
        }
        List<String> names = new ArrayList<>(features.size());
        features.forEach(f -> names.add(f.asText()));
        return names;
    }

    /** Absent counts are "not recorded" (NaN); present but impossible ones mean the file is broken. */
    private static double baseRate(JsonNode metrics) {
        JsonNode rows = metrics.path("rows");
        JsonNode positives = metrics.path("positives");
        if (rows.isMissingNode() || positives.isMissingNode()) {
            return Double.NaN;
        }
        if (!rows.isIntegralNumber() || !positives.isIntegralNumber() || rows.asLong() <= 0
                || positives.asLong() < 0 || positives.asLong() > rows.asLong()) {
            throw new IllegalArgumentException("metadata.json 'metrics': positives " + positives + " of rows " + rows
                    + " is not a count within the test split");
        }
        return positives.asDouble() / rows.asDouble();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
