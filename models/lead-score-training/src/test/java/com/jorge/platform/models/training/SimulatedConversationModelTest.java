package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.models.features.ConversationFeatureSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed fault-test fixture {@code conversation-lead-score/fixture-1}: trained on simulated
 * conversations ({@link SimulatedConversations}), rewritten byte for byte by its command, and scored on
 * conversations drawn from a seed training never saw ({@link SimulatedConversations#HELD_OUT_SEED}).
 * This held-out check was written before the generator and the artifact.
 */
class SimulatedConversationModelTest {

    private static final Path COMMITTED = BankData.MODELS_DIR.resolve("artifacts/conversation-lead-score/fixture-1");
    /** The command that wrote the committed folder (models/README.md), less --out. */
    static final String[] COMMAND = {"--source", "simulated", "--version", "fixture-1", "--rounds", "100",
            "--max-depth", "3"};

    @Test
    void committedFixtureIsExactlyWhatItsCommandWrites(@TempDir Path out) throws Exception {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(COMMAND),
                java.util.stream.Stream.of("--out", out.toString())).toArray(String[]::new);
        Path written = TrainLeadScore.run(args);
        assertThat(written).isEqualTo(out.resolve("fixture-1"));
        for (String file : List.of(ModelArtifacts.MODEL_FILE, ModelArtifacts.METADATA_FILE, ModelArtifacts.CARD_FILE)) {
            assertThat(Files.readAllBytes(COMMITTED.resolve(file)))
                    .as("%s is stale or training is not deterministic: rerun models/train.sh %s", file,
                            String.join(" ", COMMAND))
                    .isEqualTo(Files.readAllBytes(written.resolve(file)));
        }
    }

    @Test
    void committedMetadataIsWhatTheWorkerAndTheTierFollow() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(COMMITTED.resolve(ModelArtifacts.METADATA_FILE).toFile());
        byte[] model = Files.readAllBytes(COMMITTED.resolve(ModelArtifacts.MODEL_FILE));
        assertThat(metadata.path("name").asText()).isEqualTo("conversation-lead-score");
        assertThat(metadata.path("encoder").asText()).isEqualTo(ConversationFeatureSet.VERSION);
        assertThat(metadata.path("sha256").asText()).isEqualTo(ModelArtifacts.sha256(model));
        assertThat(metadata.path("size_bytes").asInt()).isEqualTo(model.length);
        assertThat(model.length).as("a small fixture").isLessThan(200_000);
        List<String> features = new ArrayList<>();
        metadata.path("features").forEach(f -> features.add(f.asText()));
        assertThat(features).isEqualTo(ConversationFeatureSet.INSTANCE.featureNames());
        assertThat(metadata.path("training").path("source").asText()).contains("simulated").contains("not real outcomes");
    }

    /**
     * 2,000 conversations from a seed training never saw. The rule itself (scoring each lead by its true
     * conversion chance) is the ceiling; the fixture must come close to it and far above chance.
     */
    @Test
    void onHeldOutConversationsTheFixtureRanksLeadsNearlyAsWellAsTheRuleItself() throws Exception {
        List<Map<String, Object>> conversations = SimulatedConversations.conversations(2_000,
                SimulatedConversations.HELD_OUT_SEED);
        boolean[] converted = SimulatedConversations.outcomes(conversations, SimulatedConversations.HELD_OUT_SEED);
        ConversationFeatureSet set = ConversationFeatureSet.INSTANCE;
        float[] rows = new float[conversations.size() * set.featureCount()];
        double[] rule = new double[conversations.size()];
        for (int i = 0; i < conversations.size(); i++) {
            set.encodeInto(conversations.get(i), rows, i * set.featureCount());
            rule[i] = SimulatedConversations.conversionChance(conversations.get(i));
        }
        double[] model = new double[conversations.size()];
        try (OnnxLeadScorer scorer = new OnnxLeadScorer(Files.readAllBytes(COMMITTED.resolve(ModelArtifacts.MODEL_FILE)))) {
            float[] p = scorer.probabilities(rows, conversations.size());
            for (int i = 0; i < p.length; i++) {
                model[i] = p[i];
            }
        }
        ClassifierEvaluation fixture = ClassifierEvaluation.of(model, converted);
        ClassifierEvaluation ceiling = ClassifierEvaluation.of(rule, converted);
        System.out.printf("held-out %d conversations (%d converted): fixture ROC AUC %.4f, Brier %.4f; the rule itself"
                        + " ROC AUC %.4f, Brier %.4f%n", fixture.rows(), fixture.positives(), fixture.rocAuc(),
                fixture.brier(), ceiling.rocAuc(), ceiling.brier());
        assertThat(fixture.positives()).isBetween(200, 1_000);
        assertThat(fixture.rocAuc()).isGreaterThan(0.80).isGreaterThan(ceiling.rocAuc() - 0.05);
        assertThat(fixture.brier()).isLessThan(ceiling.brier() + 0.02);
    }
}
