package com.jorge.platform.models.training;

import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Lead outcomes in, a calibrated ONNX lead score and its evaluation out: split from the seed, train the
 * trees on train, fit Platt and pick the hot threshold on validation, score test once, train the
 * logistic-regression baseline on the same rows, export, and check that ONNX Runtime reproduces the
 * trainer's probabilities before anything is written.
 */
public final class LeadScoreTrainingPipeline {

    /** ONNX Runtime must reproduce the trainer to this on every test row, or the run fails. */
    public static final double MAX_ONNX_DIFFERENCE = 1e-5;

    private LeadScoreTrainingPipeline() {
    }

    public static TrainingResult run(LeadOutcomeSource source, BoostingParameters parameters, long seed,
                                     String modelName) {
        List<LeadOutcome> outcomes = source.load();
        DatasetSplit split = DatasetSplit.of(outcomes, seed);
        long started = System.nanoTime();
        try (XgboostTrainer.TrainedBooster booster = XgboostTrainer.train(split.train(), parameters, seed)) {
            double trainingSeconds = (System.nanoTime() - started) / 1e9;
            BoostedTrees trees = BoostedTrees.fromXgboostJson(booster.modelJson());

            float[] validationRows = encode(split.validation());
            boolean[] validationConverted = converted(split.validation());
            double[] validationMargins = booster.margins(validationRows, split.validation().size());
            checkTreesMatchBooster(trees, validationRows, validationMargins);
            PlattCalibration calibration = PlattCalibration.fit(validationMargins, validationConverted);
            double[] validationProbabilities = calibrate(calibration, validationMargins);
            double hotThreshold = ClassifierEvaluation.maxF1Threshold(validationProbabilities, validationConverted);

            float[] testRows = encode(split.test());
            boolean[] testConverted = converted(split.test());
            double[] testMargins = booster.margins(testRows, split.test().size());
            double[] testProbabilities = calibrate(calibration, testMargins);

            LogisticRegressionBaseline baseline = LogisticRegressionBaseline.train(split.train(), seed);
            double[] baselineValidation = baseline.probabilities(split.validation());
            double[] baselineTest = baseline.probabilities(split.test());
            double baselineThreshold = ClassifierEvaluation.maxF1Threshold(baselineValidation, validationConverted);

            byte[] onnx = TreeEnsembleOnnxExporter.export(trees, calibration, modelName, Map.of(
                    "encoder", LeadFeatureEncoder.VERSION,
                    "features", String.join(",", LeadFeatureEncoder.FEATURE_NAMES),
                    "seed", Long.toString(seed)));
            ClassifierEvaluation forwardInTime = source.chronological() ? forwardInTime(outcomes, parameters, seed) : null;
            double onnxDifference = maxOnnxDifference(onnx, testRows, testProbabilities);
            if (!(onnxDifference <= MAX_ONNX_DIFFERENCE)) {
                throw new IllegalStateException("ONNX Runtime differs from the trainer by " + onnxDifference
                        + " on the test split; the export is wrong, nothing written");
            }
            return new TrainingResult(onnx, source.description(), seed, parameters, fingerprint(outcomes),
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
    static ClassifierEvaluation forwardInTime(List<LeadOutcome> oldestFirst, BoostingParameters parameters, long seed) {
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
        try (XgboostTrainer.TrainedBooster booster = XgboostTrainer.train(past, parameters, seed)) {
            return ClassifierEvaluation.of(calibrate(PlattCalibration.IDENTITY,
                    booster.margins(encode(future), future.size())), converted);
        }
    }

    static float[] encode(List<LeadOutcome> leads) {
        return LeadFeatureEncoder.encodeAll(leads.stream().map(LeadOutcome::attributes).toList());
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
    private static void checkTreesMatchBooster(BoostedTrees trees, float[] rows, double[] boosterMargins) {
        for (int i = 0; i < boosterMargins.length; i++) {
            double ours = trees.margin(rows, i * LeadFeatureEncoder.FEATURE_COUNT);
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
            ByteBuffer row = ByteBuffer.allocate(LeadFeatureEncoder.FEATURE_COUNT * Float.BYTES + 1);
            for (LeadOutcome outcome : outcomes) {
                row.clear();
                for (float x : LeadFeatureEncoder.encode(outcome.attributes())) {
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
