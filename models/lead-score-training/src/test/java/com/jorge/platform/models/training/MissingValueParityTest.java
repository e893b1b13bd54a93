package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Missing values (NaN) must take XGBoost's default branch in ONNX Runtime too, split by split. */
class MissingValueParityTest {

    @Test
    void onnxRuntimeSendsMissingValuesWhereXgboostDoes() {
        List<LeadOutcome> leads = BankData.outcomes().subList(0, 12_000);
        BoostingParameters small = new BoostingParameters(60, 5, 0.1, 0.8, 0.8, 1, 1, 1);
        try (XgboostTrainer.TrainedBooster booster = XgboostTrainer.train(BankMarketingFeatureSet.INSTANCE, leads, small, 7)) {
            BoostedTrees trees = BoostedTrees.fromXgboostJson(booster.modelJson());
            assertThat(trees.trees()).hasSize(60);
            int n = 2_000;
            float[] rows = LeadScoreTrainingPipeline.encode(BankData.outcomes().subList(20_000, 20_000 + n));
            Random random = new Random(11);
            for (int i = 0; i < rows.length; i++) {
                if (random.nextDouble() < 0.3) {
                    rows[i] = Float.NaN; // numbers and one-hot slots alike
                }
            }
            double[] xgboost = booster.margins(rows, n);
            byte[] onnx = TreeEnsembleOnnxExporter.export(trees, PlattCalibration.IDENTITY, "parity", Map.of());
            try (OnnxLeadScorer scorer = new OnnxLeadScorer(onnx)) {
                float[] probabilities = scorer.probabilities(rows, n);
                for (int i = 0; i < n; i++) {
                    double expected = PlattCalibration.IDENTITY.probability(xgboost[i]);
                    assertThat(Math.abs(probabilities[i] - expected)).as("row %d", i).isLessThanOrEqualTo(1e-5);
                    assertThat(trees.margin(rows, i * LeadFeatureEncoder.FEATURE_COUNT))
                            .as("our tree walk, row %d", i).isCloseTo(xgboost[i], org.assertj.core.api.Assertions.within(1e-4));
                }
            }
        }
    }
}
