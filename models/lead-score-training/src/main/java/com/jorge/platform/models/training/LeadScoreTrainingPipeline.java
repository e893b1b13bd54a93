package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Lead outcomes in, a calibrated ONNX lead score and its evaluation out, for whichever {@link FeatureSet}
 * the source encodes: refuse too little data, split from the seed, train the trees on train, fit Platt
 * and pick the hot threshold on validation, score test once, train the logistic-regression baseline on
 * the same rows, export, and check that ONNX Runtime reproduces the trainer's probabilities before
 * anything is written.
 */
public final class LeadScoreTrainingPipeline {

    /** ONNX Runtime must reproduce the trainer to this on every test row, or the run fails. */
    public static final double MAX_ONNX_DIFFERENCE = 1e-5;

    private LeadScoreTrainingPipeline() {
    }

    public static TrainingResult run(LeadOutcomeSource source, BoostingParameters parameters, long seed,
                                     String modelName) {
        FeatureSet features = source.featureSet();
        List<LeadOutcome> outcomes = source.load();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).featureCount() != features.featureCount()) {
                throw new IllegalStateException(source.description() + ": outcome " + i + " has "
                        + outcomes.get(i).featureCount() + " features, " + features.version() + " has " + features.featureCount());
            }
        }
        MinimumOutcomes.require(outcomes, features.version() + " from " + source.description());
        DatasetSplit split = DatasetSplit.of(outcomes, seed);
        long started = System.nanoTime();
        try (XgboostTrainer.TrainedBooster booster = XgboostTrainer.train(features, split.train(), parameters, seed)) {
            double trainingSeconds = (System.nanoTime() - started) / 1e9;
            BoostedTrees trees = BoostedTrees.fromXgboostJson(booster.modelJson());
            if (trees.featureCount() != features.featureCount()) {
                throw new IllegalStateException("XGBoost reports " + trees.featureCount() + " features, "
                        + features.version() + " has " + features.featureCount());
            }

            float[] validationRows = encode(split.validation());
            boolean[] validationConverted = converted(split.validation());
            double[] validationMargins = booster.margins(validationRows, split.validation().size());
            checkTreesMatchBooster(trees, validationRows, validationMargins, features.featureCount());
            PlattCalibration calibration = PlattCalibration.fit(validationMargins, validationConverted);
            double[] validationProbabilities = calibrate(calibration, validationMargins);
            double hotThreshold = ClassifierEvaluation.maxF1Threshold(validationProbabilities, validationConverted);

            float[] testRows = encode(split.test());
            boolean[] testConverted = converted(split.test());
            double[] testMargins = booster.margins(testRows, split.test().size());
            double[] testProbabilities = calibrate(calibration, testMargins);

            LogisticRegressionBaseline baseline = LogisticRegressionBaseline.train(features, split.train(), seed);
            double[] baselineValidation = baseline.probabilities(split.validation());
            double[] baselineTest = baseline.probabilities(split.test());
            double baselineThreshold = ClassifierEvaluation.maxF1Threshold(baselineValidation, validationConverted);

            byte[] onnx = TreeEnsembleOnnxExporter.export(trees, calibration, modelName, Map.of(
                    "encoder", features.version(),
                    "features", String.join(",", features.featureNames()),
                    "seed", Long.toString(seed)));
            ClassifierEvaluation forwardInTime = source.chronological() ? forwardInTime(features, outcomes, parameters, seed) : null;
            double onnxDifference = maxOnnxDifference(onnx, testRows, testProbabilities);
            if (!(onnxDifference <= MAX_ONNX_DIFFERENCE)) {
                throw new IllegalStateException("ONNX Runtime differs from the trainer by " + onnxDifference
                        + " on the test split; the export is wrong, nothing written");
            }
            return new TrainingResult(onnx, features, source.description(), seed, parameters, fingerprint(outcomes),
                    outcomes.size(), split, calibration, hotThreshold,
                    ClassifierEvaluation.of(validationProbabilities, validationConverted),
                    ClassifierEvaluation.of(calibrate(PlattCalibration.IDENTITY, testMargins), testConverted),
                    ClassifierEvaluation.of(testProbabilities, testConverted),
                    ClassifierEvaluation.at(hotThreshold, testProbabilities, testConverted),
                    ClassifierEvaluation.of(baselineTest, testConverted),
                    ClassifierEvaluation.at(baselineThreshold, baselineTest, testConverted),
                    forwardInTime, onnxDifference, trees.trees().size(), trainingSeconds, testProbabilities, split.test());
        }
    }

    /**
     * Trees trained on the oldest 70 % and scored, uncalibrated, on the newest 15 %: what a model trained
     * today would meet next quarter. Reported, never used to choose anything.
     */
    static ClassifierEvaluation forwardInTime(FeatureSet features, List<LeadOutcome> oldestFirst,
                                              BoostingParameters parameters, long seed) {
        int n = oldestFirst.size();
        List<LeadOutcome> past = oldestFirst.subList(0, (int) (n * DatasetSplit.TRAIN_FRACTION));
        List<LeadOutcome> future = oldestFirst.subList((int) (n * (DatasetSplit.TRAIN_FRACTION
                + DatasetSplit.VALIDATION_FRACTION)), n);
        boolean[] converted = converted(future);
        boolean bothClasses = past.stream().anyMatch(LeadOutcome::converted) && past.stream().anyMatch(o -> !o.converted())
                && future.stream().anyMatch(LeadOutcome::converted) && future.stream().anyMatch(o -> !o.converted());
        if (!bothClasses) {
            return null;
        }
        try (XgboostTrainer.TrainedBooster booster = XgboostTrainer.train(features, past, parameters, seed)) {
            return ClassifierEvaluation.of(calibrate(PlattCalibration.IDENTITY,
                    booster.margins(encode(future), future.size())), converted);
        }
    }

    /** The leads' rows back to back, ready for a {@code [n, featureCount]} tensor. */
    static float[] encode(List<LeadOutcome> leads) {
        int columns = leads.isEmpty() ? 0 : leads.getFirst().featureCount();
        float[] rows = new float[leads.size() * columns];
        for (int i = 0; i < leads.size(); i++) {
            if (leads.get(i).featureCount() != columns) {
                throw new IllegalArgumentException("lead " + i + " has " + leads.get(i).featureCount()
                        + " features, lead 0 has " + columns);
            }
            leads.get(i).copyInto(rows, i * columns);
        }
        return rows;
    }

    static boolean[] converted(List<LeadOutcome> leads) {
        boolean[] converted = new boolean[leads.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = leads.get(i).converted();
        }
        return converted;
    }

    private static double[] calibrate(PlattCalibration calibration, double[] margins) {
        double[] probabilities = new double[margins.length];
        for (int i = 0; i < margins.length; i++) {
            probabilities[i] = calibration.probability(margins[i]);
        }
        return probabilities;
    }

    /** Our reading of XGBoost's JSON must walk the trees exactly as XGBoost does; checked before export. */
    private static void checkTreesMatchBooster(BoostedTrees trees, float[] rows, double[] boosterMargins, int columns) {
        for (int i = 0; i < boosterMargins.length; i++) {
            double ours = trees.margin(rows, i * columns);
            if (Math.abs(ours - boosterMargins[i]) > 1e-4) {
                throw new IllegalStateException("parsed trees give margin " + ours + " where XGBoost gives "
                        + boosterMargins[i] + " (validation row " + i + ")");
            }
        }
    }

    private static double maxOnnxDifference(byte[] onnx, float[] rows, double[] expected) {
        try (OnnxLeadScorer scorer = new OnnxLeadScorer(onnx)) {
            float[] actual = scorer.probabilities(rows, expected.length);
            double max = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(actual[i] - expected[i]));
            }
            return max;
        }
    }

    /** sha256 over the encoded rows and outcomes in load order: equal fingerprints, equal training data. */
    static String fingerprint(List<LeadOutcome> outcomes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LeadOutcome outcome : outcomes) {
                ByteBuffer row = ByteBuffer.allocate(outcome.featureCount() * Float.BYTES + 1);
                for (float x : outcome.features()) {
                    row.putFloat(x);
                }
                row.put((byte) (outcome.converted() ? 1 : 0));
                digest.update(row.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
