package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the lead score on the bundled data exactly as models/train.sh does, and checks what it made. */
class LeadScoreModelTest {

    private static final Path COMMITTED = BankData.MODELS_DIR.resolve("artifacts/lead-score/1");
    private static final long SEED = 42;
    private static TrainingResult result;

    @BeforeAll
    static void train() {
        result = LeadScoreTrainingPipeline.run(new BankMarketingSource(BankData.CSV), BoostingParameters.DEFAULTS,
                SEED, TrainLeadScore.MODEL_NAME);
    }

    @Test
    void onnxRuntimeReproducesTheTrainersProbabilityOnEveryTestRow() throws Exception {
        List<LeadOutcome> test = result.testRows();
        assertThat(test).hasSize(result.split().test().size()).hasSizeGreaterThan(4_000);
        float[] rows = LeadScoreTrainingPipeline.encode(test);
        // a session of our own, not the pipeline's, reading the bytes that get committed
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(result.onnxModel(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(rows),
                     new long[] {test.size(), LeadFeatureEncoder.FEATURE_COUNT});
             OrtSession.Result output = session.run(Map.of("features", input))) {
            float[][] probability = (float[][]) output.get("probability").orElseThrow().getValue();
            assertThat(probability).hasNumberOfRows(test.size());
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                if (!(Math.abs(probability[i][0] - result.testProbabilities()[i]) <= 1e-5)) {
                    mismatches.add("row " + i + ": onnx " + probability[i][0] + " trainer " + result.testProbabilities()[i]);
                }
            }
            assertThat(mismatches).isEmpty();
        }
    }

    @Test
    void committedArtifactsAreExactlyWhatTrainingWrites(@TempDir Path out) throws Exception {
        Path written = ModelArtifacts.write(result, TrainLeadScore.MODEL_NAME, "1", out.resolve("1"));
        for (String file : List.of(ModelArtifacts.MODEL_FILE, ModelArtifacts.METADATA_FILE, ModelArtifacts.CARD_FILE)) {
            assertThat(Files.readAllBytes(COMMITTED.resolve(file)))
                    .as("%s is stale or training is not deterministic: rerun models/train.sh --version 1", file)
                    .isEqualTo(Files.readAllBytes(written.resolve(file)));
        }
    }

    @Test
    void committedMetadataDescribesTheCommittedModel() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(COMMITTED.resolve(ModelArtifacts.METADATA_FILE).toFile());
        byte[] model = Files.readAllBytes(COMMITTED.resolve(metadata.path("model_file").asText()));
        assertThat(metadata.path("sha256").asText()).isEqualTo(ModelArtifacts.sha256(model));
        assertThat(metadata.path("size_bytes").asInt()).isEqualTo(model.length);
        assertThat(metadata.path("encoder").asText()).isEqualTo(LeadFeatureEncoder.VERSION);
        List<String> features = new ArrayList<>();
        metadata.path("features").forEach(f -> features.add(f.asText()));
        assertThat(features).isEqualTo(LeadFeatureEncoder.FEATURE_NAMES);
        assertThat(metadata.path("input").path("name").asText()).isEqualTo("features");
        assertThat(metadata.path("input").path("shape").toString()).isEqualTo("[-1,43]");
        assertThat(metadata.path("outputs").get(0).path("name").asText()).isEqualTo("probability");
        assertThat(metadata.path("training").path("seed").asLong()).isEqualTo(SEED);
        double threshold = metadata.path("hot_threshold").asDouble();
        assertThat(threshold).isStrictlyBetween(0.0, 1.0);
        // the model must beat its baseline and stay near the published figure
        JsonNode metrics = metadata.path("metrics");
        assertThat(metrics.path("roc_auc").asDouble()).isGreaterThan(0.77)
                .isGreaterThan(metrics.path("baseline_logistic_regression").path("roc_auc").asDouble());
        assertThat(metrics.path("pr_auc").asDouble()).isGreaterThan(0.40);
        // the bank rows are in date order, so the card must also say how the model fares forward in time
        assertThat(metrics.path("forward_in_time").path("roc_auc").asDouble()).isStrictlyBetween(0.0, 1.0);
        assertThat(Files.readString(COMMITTED.resolve(ModelArtifacts.CARD_FILE), StandardCharsets.UTF_8))
                .contains("ROC AUC", "PR AUC", "Brier", "logistic regression baseline", "Moro et al. 2014", "Forward in time");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherModel() {
        TrainingResult again = LeadScoreTrainingPipeline.run(new BankMarketingSource(BankData.CSV),
                BoostingParameters.DEFAULTS, SEED, TrainLeadScore.MODEL_NAME);
        assertThat(again.onnxModel()).isEqualTo(result.onnxModel());
        assertThat(again.testProbabilities()).isEqualTo(result.testProbabilities());

        TrainingResult other = LeadScoreTrainingPipeline.run(new BankMarketingSource(BankData.CSV),
                BoostingParameters.DEFAULTS, SEED + 1, TrainLeadScore.MODEL_NAME);
        assertThat(other.onnxModel()).isNotEqualTo(result.onnxModel());
        assertThat(other.test().rocAuc()).isCloseTo(result.test().rocAuc(), within(0.03));
    }

    @Test
    void calibratedProbabilitiesTrackObservedConversion() {
        assertThat(result.test().expectedCalibrationError()).isLessThan(0.03);
        assertThat(result.test().brier()).isLessThan(result.baselineTest().brier() + 0.005);
        assertThat(result.testAtHot().precision()).isGreaterThan(0.3);
        assertThat(result.testAtHot().recall()).isGreaterThan(0.3);
    }
}
