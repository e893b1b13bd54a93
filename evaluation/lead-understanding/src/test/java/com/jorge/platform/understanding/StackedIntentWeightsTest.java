package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped intent reader's weights are the ones today's training data gives: the weights recorded beside the fingerprint
 * of what they were trained from are the ones shipped, and that fingerprint is still today's (corpus labels, fresh readings,
 * today's rules' intents and slots, the training settings and the guard). When the rules change, so do their readings and
 * this test fails until the reader is retrained with the one command below (deterministic: the same data, the same bytes).
 */
class StackedIntentWeightsTest {

    private static final String RETRAIN = "retrain: MAVEN_ARGS=-o functions/lead-understanding/evaluate.sh --train-intent-reader"
            + " (then commit intent-reader.bin and intent-reader-training.sha256)";

    private static Map<String, String> recorded() throws Exception {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = StackedIntentSelection.class.getResourceAsStream(StackedIntentSelection.FINGERPRINT)) {
            assertThat(in).as(StackedIntentSelection.FINGERPRINT).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.split(" ", 2);
                    out.put(kv[0], kv[1].strip());
                }
            }
        }
        return out;
    }

    @Test
    void theShippedWeightsAreTheOnesRecordedWithTheirTrainingData() throws Exception {
        byte[] shipped;
        try (InputStream in = StackedIntentReader.class.getResourceAsStream(StackedIntentReader.RESOURCE)) {
            assertThat(in).as(StackedIntentReader.RESOURCE).isNotNull();
            shipped = in.readAllBytes();
        }
        assertThat(StackedIntentSelection.sha256(shipped)).as("the shipped weights were not written by the training; " + RETRAIN)
                .isEqualTo(recorded().get("weights"));
    }

    @Test
    void theShippedReaderHasTheTrainingsCapacity() {
        // fifteenth round: 2^14 buckets, chosen on heldout-12 (README); the count is in the file and checked at load
        StackedIntentReader shipped = StackedIntentReader.loadDefault().orElseThrow();
        assertThat(shipped.buckets()).isEqualTo(StackedIntentSelection.BUCKETS).isEqualTo(1 << 14);
        assertThat(StackedIntentSelection.TRAINING.l2()).isEqualTo(1e-4);
        assertThat(StackedIntentReader.class.getResource(StackedIntentReader.RESOURCE)).isNotNull();
    }

    @Test
    void aModelOfAnotherCapacityIsReadWithItsOwn() {
        for (int buckets : new int[] {1 << 12, 1 << 16}) {
            java.util.List<Intent> one = java.util.List.of(Intent.BUYING);
            StackedIntentReader r = StackedIntentReader.fromBytes(StackedIntentReader.write(one, buckets, 0, 0.5, -1, new float[1],
                    new float[buckets], new float[StackedIntentReader.denseDim(0)]));
            assertThat(r.buckets()).isEqualTo(buckets);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StackedIntentReader.write(java.util.List.of(Intent.BUYING), 3000, 0, 0.5,
                -1, new float[1], new float[3000], new float[StackedIntentReader.denseDim(0)])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTrainingDataIsStillWhatTheShippedWeightsWereTrainedFrom() throws Exception {
        String today = StackedIntentSelection.trainingFingerprint(StackedIntentSelection.cases(null, false));
        assertThat(today).as("the intent reader's training data changed since its weights were written; " + RETRAIN)
                .isEqualTo(recorded().get("training-data"));
    }

    @Test
    void theFingerprintMovesWithWhatTheRulesRead() throws Exception {
        StackedIntentSelection.Case c = new StackedIntentSelection.Case("p", new LabelledMessage("id", "x", "en", LeadSide.UNKNOWN,
                java.util.List.of(), java.util.Set.of(Intent.BUYING), false), new MessageUnderstanding("en", java.util.List.of(),
                java.util.Set.of(Intent.OTHER), false), null, "x", new float[0], new int[0]);
        StackedIntentSelection.Case other = new StackedIntentSelection.Case("p", c.message(), new MessageUnderstanding("en",
                java.util.List.of(), java.util.Set.of(Intent.BUYING), false), null, "x", new float[0], new int[0]);
        assertThat(StackedIntentSelection.trainingFingerprint(Map.of("p", java.util.List.of(c))))
                .isEqualTo(StackedIntentSelection.trainingFingerprint(Map.of("p", java.util.List.of(c))))
                .isNotEqualTo(StackedIntentSelection.trainingFingerprint(Map.of("p", java.util.List.of(other))));
    }
}
