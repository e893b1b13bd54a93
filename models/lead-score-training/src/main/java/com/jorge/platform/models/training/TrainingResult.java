package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.util.List;

/** Everything one training run produced: the ONNX bytes and the figures the card and metadata report. */
public record TrainingResult(
        byte[] onnxModel,
        /** the input schema: the model's columns, its metadata's encoder and features */
        FeatureSet featureSet,
        String sourceDescription,
        long seed,
        BoostingParameters parameters,
        String dataFingerprint,
        int rows,
        DatasetSplit split,
        PlattCalibration calibration,
        double hotThreshold,
        ClassifierEvaluation validation,
        ClassifierEvaluation testRaw,
        ClassifierEvaluation test,
        ClassifierEvaluation.OperatingPoint testAtHot,
        ClassifierEvaluation baselineTest,
        ClassifierEvaluation.OperatingPoint baselineTestAtItsHot,
        /** trained on the oldest 70 %, scored on the newest 15 %; null when the source has no time order */
        ClassifierEvaluation forwardInTime,
        double onnxMaxAbsDifference,
        int trees,
        double trainingSeconds,
        /** the calibrated probabilities of the test rows, by the trainer (XGBoost + Platt, in double) */
        double[] testProbabilities,
        List<LeadOutcome> testRows) {
}
