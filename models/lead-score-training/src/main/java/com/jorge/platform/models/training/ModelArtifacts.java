package com.jorge.platform.models.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one model version's folder: {@code model.onnx}, {@code metadata.json} (schema in
 * models/README.md; the inference tier's S3 registry reads it) and the generated {@code MODEL_CARD.md}.
 * Nothing time-dependent is written, so retraining from the same data and seed rewrites the same bytes.
 */
public final class ModelArtifacts {

    public static final String MODEL_FILE = "model.onnx";
    public static final String METADATA_FILE = "metadata.json";
    public static final String CARD_FILE = "MODEL_CARD.md";
    public static final int METADATA_SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifacts() {
    }

    public static Path write(TrainingResult result, String name, String version, Path versionDirectory) {
        try {
            Files.createDirectories(versionDirectory);
            Files.write(versionDirectory.resolve(MODEL_FILE), result.onnxModel());
            Files.writeString(versionDirectory.resolve(METADATA_FILE),
                    JSON.writeValueAsString(metadata(result, name, version)) + "\n", StandardCharsets.UTF_8);
            Files.writeString(versionDirectory.resolve(CARD_FILE), ModelCard.markdown(result, name, version),
                    StandardCharsets.UTF_8);
            return versionDirectory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model artifacts to " + versionDirectory, e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> metadata(TrainingResult r, String name, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", METADATA_SCHEMA);
        m.put("name", name);
        m.put("version", version);
        m.put("model_file", MODEL_FILE);
        m.put("sha256", sha256(r.onnxModel()));
        m.put("size_bytes", r.onnxModel().length);
        m.put("card_file", CARD_FILE);
        m.put("format", "onnx; ir_version " + TreeEnsembleOnnxExporter.IR_VERSION + ", opsets ai.onnx "
                + TreeEnsembleOnnxExporter.ONNX_OPSET + " and ai.onnx.ml " + TreeEnsembleOnnxExporter.ONNX_ML_OPSET);
        m.put("encoder", r.featureSet().version());
        m.put("features", r.featureSet().featureNames());
        m.put("input", tensor(TreeEnsembleOnnxExporter.INPUT, r.featureSet().featureCount()));
        m.put("outputs", List.of(tensor(TreeEnsembleOnnxExporter.OUTPUT_PROBABILITY, 1),
                tensor(TreeEnsembleOnnxExporter.OUTPUT_MARGIN, 1)));
        m.put("hot_threshold", r.hotThreshold());

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("source", r.sourceDescription());
        training.put("rows", r.rows());
        training.put("data_sha256", r.dataFingerprint());
        training.put("seed", r.seed());
        training.put("split", ordered("train", r.split().train().size(), "validation", r.split().validation().size(),
                "test", r.split().test().size(), "method", "stratified by outcome, shuffled from the seed, 70/15/15"));
        training.put("algorithm", "xgboost4j 3.0.4 binary:logistic, hist");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rounds", r.parameters().rounds());
        params.put("max_depth", r.parameters().maxDepth());
        params.put("eta", r.parameters().learningRate());
        params.put("subsample", r.parameters().subsample());
        params.put("colsample_bytree", r.parameters().columnSample());
        params.put("min_child_weight", r.parameters().minChildWeight());
        params.put("lambda", r.parameters().l2());
        params.put("nthread", r.parameters().threads());
        training.put("parameters", params);
        training.put("calibration", ordered("method", "platt, fitted on validation, inside the graph",
                "slope", r.calibration().slope(), "intercept", r.calibration().intercept()));
        m.put("training", training);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("split", "test");
        metrics.put("rows", r.test().rows());
        metrics.put("positives", r.test().positives());
        metrics.put("roc_auc", r.test().rocAuc());
        metrics.put("pr_auc", r.test().prAuc());
        metrics.put("brier", r.test().brier());
        metrics.put("log_loss", r.test().logLoss());
        metrics.put("expected_calibration_error", r.test().expectedCalibrationError());
        metrics.put("precision_at_hot", r.testAtHot().precision());
        metrics.put("recall_at_hot", r.testAtHot().recall());
        metrics.put("hot_share", r.testAtHot().hotShare());
        metrics.put("baseline_logistic_regression", ordered(
                "roc_auc", r.baselineTest().rocAuc(), "pr_auc", r.baselineTest().prAuc(),
                "brier", r.baselineTest().brier()));
        if (r.forwardInTime() != null) {
            metrics.put("forward_in_time", ordered(
                    "method", "trained on the oldest 70 %, scored on the newest 15 %, uncalibrated",
                    "rows", r.forwardInTime().rows(), "positives", r.forwardInTime().positives(),
                    "roc_auc", r.forwardInTime().rocAuc(), "pr_auc", r.forwardInTime().prAuc(),
                    "brier", r.forwardInTime().brier()));
        }
        metrics.put("onnx_max_abs_difference", r.onnxMaxAbsDifference());
        m.put("metrics", metrics);
        return m;
    }

    /** Map.of iterates in a per-JVM random order; metadata.json must come out byte-identical. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> tensor(String name, int columns) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("datatype", "FP32");
        t.put("shape", List.of(-1, columns));
        return t;
    }
}
