package com.jorge.platform.leadscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import com.jorge.platform.models.features.LeadAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InProcessLeadScorerTest {

    private static final Map<String, Object> BANK_LEAD = Map.of("age", 52, "job", "retired", "marital", "married",
            "campaign", 2, "pdays", 6, "previous", 1, "euribor3m", 1.3, "nr.employed", 5099.1);

    private static final Map<String, Object> CONVERSATION = Map.of(
            ConversationFeatureSet.SIDE, "seller", ConversationFeatureSet.TIMELINE_MONTHS, 3,
            ConversationFeatureSet.MOTIVATION, "relocating", ConversationFeatureSet.WANTS_CALL, true,
            ConversationFeatureSet.PRICE_EXPECTATION, "450000", ConversationFeatureSet.UNANSWERED_FOLLOW_UPS, 1);

    @Test
    void theBundledBankModelResolvesItsFeatureSetAndFactsFromItsMetadata() {
        ObjectNode metadata = TestModels.bundledBank().metadataTree();
        try (InProcessLeadScorer scorer = InProcessLeadScorer.bundled(InProcessLeadScorer.BUNDLED_VERSION)) {
            assertThat(scorer.featureSet()).isSameAs(BankMarketingFeatureSet.INSTANCE);
            assertThat(scorer.modelName()).isEqualTo(metadata.get("name").asText());
            assertThat(scorer.version()).isEqualTo(InProcessLeadScorer.BUNDLED_VERSION);
            assertThat(scorer.hotThreshold()).isEqualTo(metadata.get("hot_threshold").asDouble());
            assertThat(scorer.baseRate()).isEqualTo(metadata.at("/metrics/positives").asDouble()
                    / metadata.at("/metrics/rows").asDouble());
            // the map and the typed attributes are one encoding
            assertThat(scorer.score(BANK_LEAD)).isEqualTo(scorer.score(LeadAttributes.fromMap(BANK_LEAD)));
            assertThat(scorer.score(BANK_LEAD)).isNotEqualTo(scorer.score(Map.of("age", 52)));
        }
    }

    @Test
    void aConversationModelScoresConversationAttributes() {
        TestModels.Files files = TestModels.conversation("conversation-lead-score", 0.3, 200, 30);
        try (InProcessLeadScorer scorer = InProcessLeadScorer.load("4", files.model(), files.metadata())) {
            assertThat(scorer.featureSet()).isSameAs(ConversationFeatureSet.INSTANCE);
            assertThat(scorer.modelName()).isEqualTo("conversation-lead-score");
            assertThat(scorer.version()).isEqualTo("4");
            assertThat(scorer.hotThreshold()).isEqualTo(0.3);
            assertThat(scorer.baseRate()).isEqualTo(30 / 200.0);
            assertThat(scorer.score(CONVERSATION)).isCloseTo(TestModels.expectedConversation(CONVERSATION), within(1e-5));
            assertThat(scorer.score(Map.of())).isCloseTo(TestModels.expectedConversation(Map.of()), within(1e-5));
            assertThatThrownBy(() -> scorer.score(BANK_LEAD)).isInstanceOf(InvalidLeadAttributeException.class)
                    .extracting(e -> ((InvalidLeadAttributeException) e).field()).isIn(BANK_LEAD.keySet().toArray());
            assertThatThrownBy(() -> scorer.score(LeadAttributes.fromMap(BANK_LEAD)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(ConversationFeatureSet.VERSION);
        }
    }

    @Test
    void withoutTestMetricsTheBaseRateIsUnknown() {
        TestModels.Files files = TestModels.bundledBank();
        ObjectNode metadata = files.metadataTree();
        metadata.remove("metrics");
        try (InProcessLeadScorer scorer = InProcessLeadScorer.load("1", files.model(), files.withMetadata(metadata).metadata())) {
            assertThat(scorer.baseRate()).isNaN();
        }
    }

    @Test
    void aModelWhoseSizeDiffersFromItsMetadataIsNotLoaded() {
        TestModels.Files files = TestModels.bundledBank();
        ObjectNode metadata = files.metadataTree();
        metadata.put("size_bytes", files.model().length + 1);
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", files.model(), files.withMetadata(metadata).metadata()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size_bytes");
    }

    @Test
    void anUnknownFeatureSetOrOtherFeatureNamesAreRefused() {
        TestModels.Files files = TestModels.bundledBank();
        ObjectNode unknown = files.metadataTree();
        unknown.put("encoder", "lead-features/9");
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", files.model(), files.withMetadata(unknown).metadata()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lead-features/9")
                .hasMessageContaining(ConversationFeatureSet.VERSION); // the error lists what this build links

        ObjectNode reordered = files.metadataTree();
        var features = reordered.withArray("features");
        var first = features.remove(0);
        features.add(first);
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", files.model(), files.withMetadata(reordered).metadata()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'features'");
    }

    @Test
    void metadataWithoutAHotThresholdOrWithImpossibleCountsIsRefused() {
        TestModels.Files files = TestModels.bundledBank();
        ObjectNode noThreshold = files.metadataTree();
        noThreshold.remove("hot_threshold");
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", files.model(), files.withMetadata(noThreshold).metadata()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hot_threshold");

        ObjectNode impossible = files.metadataTree();
        ((ObjectNode) impossible.get("metrics")).put("positives", impossible.at("/metrics/rows").asLong() + 1);
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", files.model(), files.withMetadata(impossible).metadata()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'metrics'");
    }

    @Test
    void aModelWhoseInputIsNotItsFeatureSetsRowIsRefusedAtLoad() {
        // checksums and names agree, but the graph takes 5 columns, not the conversation set's row
        byte[] onnx = TestModels.logistic(new float[]{1, 2, 3, 4, 5}, 0);
        TestModels.Files conversation = TestModels.conversation("conversation-lead-score", 0.3, 200, 30);
        ObjectNode metadata = conversation.metadataTree();
        metadata.put("sha256", LeadModelMetadata.sha256(onnx)).put("size_bytes", onnx.length);
        TestModels.Files files = new TestModels.Files(onnx, conversation.metadata()).withMetadata(metadata);
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", files.model(), files.metadata()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not score a row of "
                        + ConversationFeatureSet.VERSION);
    }
}
