package com.jorge.platform.leadscore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inference.TinyOnnxModels;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.models.features.ConversationFeatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Models for the tests: the committed bank-marketing model bundled in this jar, and a small logistic
 * model on the conversation feature set (no trained one exists yet) whose answer the test computes.
 */
public final class TestModels {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestModels() {
    }

    /** A model version's two files. */
    public record Files(byte[] model, byte[] metadata) {
        ObjectNode metadataTree() {
            try {
                return (ObjectNode) JSON.readTree(metadata);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Files withMetadata(ObjectNode tree) {
            try {
                return new Files(model, JSON.writeValueAsBytes(tree));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The same version republished under another name (metadata {@code name} follows it). */
        Files renamed(String name) {
            ObjectNode tree = metadataTree();
            tree.put("name", name);
            return withMetadata(tree);
        }
    }

    static Files bundledBank() {
        try (InputStream m = TestModels.class.getResourceAsStream("/models/lead-score/1/model.onnx");
             InputStream j = TestModels.class.getResourceAsStream("/models/lead-score/1/metadata.json")) {
            return new Files(m.readAllBytes(), j.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weights of the conversation test model: distinct per column, so a column out of place changes the answer. */
    static float[] conversationWeights() {
        int n = ConversationFeatureSet.INSTANCE.featureCount();
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = ((i * 7) % 11 - 5) / 10f;
        }
        return w;
    }

    static final float CONVERSATION_BIAS = -0.4f;

    /**
     * A logistic model on {@link ConversationFeatureSet} with metadata as models/ writes it. NaN inputs
     * (unknown numbers) would make a plain logistic NaN, so the graph zeroes them first, as a tree's
     * missing-value branch would give some finite answer.
     */
    public static Files conversation(String name, double hotThreshold, long rows, long positives) {
        byte[] onnx = logistic(conversationWeights(), CONVERSATION_BIAS);
        ObjectNode meta = JSON.createObjectNode();
        meta.put("schema_version", 1).put("name", name).put("version", "1").put("model_file", "model.onnx")
                .put("sha256", LeadModelMetadata.sha256(onnx)).put("size_bytes", onnx.length)
                .put("encoder", ConversationFeatureSet.VERSION);
        ConversationFeatureSet.INSTANCE.featureNames().forEach(meta.putArray("features")::add);
        meta.put("hot_threshold", hotThreshold);
        meta.putObject("metrics").put("split", "test").put("rows", rows).put("positives", positives);
        try {
            return new Files(onnx, JSON.writeValueAsBytes(meta));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the conversation test model answers for these attributes, computed here in double precision. */
    public static double expectedConversation(java.util.Map<String, ?> attributes) {
        float[] row = ConversationFeatureSet.INSTANCE.encode(attributes);
        float[] w = conversationWeights();
        double z = CONVERSATION_BIAS;
        for (int i = 0; i < row.length; i++) {
            z += Float.isNaN(row[i]) ? 0 : w[i] * row[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** probability = sigmoid(where(isnan(x), 0, x) . w + b); input "features" FP32 [-1, w.length], output [-1, 1]. */
    static byte[] logistic(float[] weights, float bias) {
        return TinyOnnxModels.logisticReadingNanAsZero(weights, bias);
    }
}
