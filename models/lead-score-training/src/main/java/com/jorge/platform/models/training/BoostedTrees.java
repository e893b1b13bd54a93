package com.jorge.platform.models.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trees of a trained XGBoost binary:logistic model, read from its JSON model format: what the
 * ONNX exporter needs, nothing more. Margin = {@link #baseMargin} + sum of one leaf per tree; a node
 * sends a row left when {@code x < threshold} and missing values (NaN) to its default side.
 */
public record BoostedTrees(double baseMargin, int featureCount, List<Tree> trees) {

    /** One tree in XGBoost's array layout; index 0 is the root, a leaf has {@code left[i] == -1}. */
    public record Tree(int[] left, int[] right, int[] feature, float[] thresholdOrLeafValue, boolean[] defaultLeft) {
        public boolean isLeaf(int node) {
            return left[node] < 0;
        }

        public int size() {
            return left.length;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static BoostedTrees fromXgboostJson(byte[] modelJson) {
        JsonNode learner;
        try {
            learner = JSON.readTree(modelJson).path("learner");
        } catch (IOException e) {
            throw new UncheckedIOException("not an XGBoost JSON model", e);
        }
        String objective = learner.path("objective").path("name").asText();
        if (!objective.equals("binary:logistic")) {
            throw new IllegalArgumentException("only binary:logistic models are exported, got '" + objective + "'");
        }
        JsonNode params = learner.path("learner_model_param");
        // base_score is stored in probability space, as "5E-1" or, in newer releases, "[5E-1]"
        double baseScore = Double.parseDouble(params.path("base_score").asText().replace("[", "").replace("]", ""));
        int featureCount = Integer.parseInt(params.path("num_feature").asText());
        List<Tree> trees = new ArrayList<>();
        for (JsonNode tree : learner.path("gradient_booster").path("model").path("trees")) {
            trees.add(tree(tree));
        }
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("model has no trees");
        }
        return new BoostedTrees(Math.log(baseScore / (1 - baseScore)), featureCount, List.copyOf(trees));
    }

    private static Tree tree(JsonNode tree) {
        JsonNode left = tree.path("left_children");
        int n = left.size();
        Tree parsed = new Tree(new int[n], new int[n], new int[n], new float[n], new boolean[n]);
        for (int i = 0; i < n; i++) {
            parsed.left()[i] = left.get(i).asInt();
            parsed.right()[i] = tree.path("right_children").get(i).asInt();
            parsed.feature()[i] = tree.path("split_indices").get(i).asInt();
            parsed.thresholdOrLeafValue()[i] = (float) tree.path("split_conditions").get(i).asDouble();
            JsonNode defaultLeft = tree.path("default_left").get(i);
            parsed.defaultLeft()[i] = defaultLeft.isBoolean() ? defaultLeft.asBoolean() : defaultLeft.asInt() != 0;
            if (tree.path("split_type").size() > i && tree.path("split_type").get(i).asInt() != 0) {
                throw new IllegalArgumentException("categorical splits are not exported; encode categories as one-hot");
            }
        }
        return parsed;
    }

    /** The raw margin of one row, walking the trees as ONNX Runtime will; used to check the parse. */
    public double margin(float[] rows, int offset) {
        double sum = baseMargin;
        for (Tree tree : trees) {
            int node = 0;
            while (!tree.isLeaf(node)) {
                float x = rows[offset + tree.feature()[node]];
                boolean goLeft = Float.isNaN(x) ? tree.defaultLeft()[node] : x < tree.thresholdOrLeafValue()[node];
                node = goLeft ? tree.left()[node] : tree.right()[node];
            }
            sum += tree.thresholdOrLeafValue()[node];
        }
        return sum;
    }
}
