package com.jorge.platform.worker;

import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.temperature.ConversationLeadAttributes;
import com.jorge.platform.bots.temperature.LeadScore;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.leadscore.InProcessLeadScorer;
import com.jorge.platform.leadscore.LeadScoreClient;
import com.jorge.platform.leadscore.LeadScoreClientSettings;
import com.jorge.platform.leadscore.ScoreMetrics;
import com.jorge.platform.leadscore.ScorePath;
import com.jorge.platform.leadscore.TestModels;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.scoring.ModelLeadScorer;
import com.jorge.platform.worker.scoring.VariantModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bots scoring with the live conversation model, and falling back to the rule-based estimate. */
class ModelLeadScorerTest {

    private static final String MODEL = "conversation-lead-score";
    private static LeadScoreClient conversationModel;
    private static LeadScoreClient bankModel;

    private final RecordedMetrics metrics = new RecordedMetrics();
    private final LeadFacts readyBuyer = new LeadFacts(Map.of("buyer.pre_approval", "yes",
            "buyer.timeline_months", "2", "buyer.areas", "Round Rock", "signal.wants_showing", "true"));

    @BeforeAll
    static void models() {
        // a small logistic model on the conversation features whose answer TestModels computes: hot from 0.30,
        // and one lead in ten converted in its test split
        TestModels.Files files = TestModels.conversation(MODEL, 0.30, 100, 10);
        conversationModel = new LeadScoreClient(LeadScoreClientSettings.inProcessOnly(MODEL),
                InProcessLeadScorer.load("7", files.model(), files.metadata()), new ScoreMetrics((path, nanos) -> { }));
        bankModel = LeadScoreClient.create(LeadScoreClientSettings.inProcessOnly(InProcessLeadScorer.BUNDLED_MODEL));
    }

    @AfterAll
    static void close() {
        conversationModel.close();
        bankModel.close();
    }

    @Test
    void aLiveModelScoresTheConversationWithItsOwnCutOffs() {
        var scorer = new ModelLeadScorer(() -> Optional.of(conversationModel), new RuleBasedLeadScorer(), metrics);

        LeadScore score = scorer.score(BotType.BUYER, readyBuyer);

        var attributes = new ConversationLeadAttributes().of(BotType.BUYER, readyBuyer);
        assertThat(score.value()).isCloseTo(TestModels.expectedConversation(attributes), within(1e-6));
        assertThat(score.source()).isEqualTo("model " + MODEL + " 7 (" + ScorePath.IN_PROCESS + ")");
        assertThat(score.hotAt()).isEqualTo(0.30);
        assertThat(score.warmAt()).as("the base rate: 10 of 100 converted").isEqualTo(0.10);
        assertThat(metrics.counter(PlatformMetrics.LEAD_SCORES, ModelLeadScorer.RULES_PATH)).isZero();
    }

    @Test
    void withNoModelLiveTheRuleBasedEstimateAnswersAndIsCounted() {
        var scorer = new ModelLeadScorer(Optional::empty, new RuleBasedLeadScorer(), metrics);

        LeadScore score = scorer.score(BotType.BUYER, readyBuyer);

        assertThat(score).isEqualTo(new RuleBasedLeadScorer().score(BotType.BUYER, readyBuyer));
        assertThat(metrics.counter(PlatformMetrics.LEAD_SCORES, ModelLeadScorer.RULES_PATH)).isEqualTo(1);
    }

    @Test
    void aModelThatCannotScoreTheConversationNeverBreaksTheTurn() {
        // a bank-marketing model refuses conversation attributes: the turn is scored by the rules instead
        var scorer = new ModelLeadScorer(() -> Optional.of(bankModel), new RuleBasedLeadScorer(), metrics);

        LeadScore score = scorer.score(BotType.SELLER, new LeadFacts(Map.of("seller.timeline_months", "1")));

        assertThat(score.source()).isEqualTo(RuleBasedLeadScorer.SOURCE);
        assertThat(metrics.counter(PlatformMetrics.LEAD_SCORES, ModelLeadScorer.RULES_PATH)).isEqualTo(1);
    }

    @Test
    void aVariantVersionThatCannotBeLoadedIsCountedAndTriedAgainOnlyAfterAWhile() {
        var experiments = com.jorge.platform.experiments.Experiments.fromConfig(com.jorge.platform.config.PlatformConfig.of(Map.of(
                "EXPERIMENTS", """
                        [{"name": "scoring", "kind": "model_version", "metric": "hot", "plannedSamplePerVariant": 10,
                          "startsOn": "2026-01-01", "variants": [{"name": "live", "weight": 1}, {"name": "next", "weight": 1}]}]""")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
        int[] loads = {0};
        boolean[] published = {false};
        var variants = new VariantModels(experiments.all(), Map.of("next", "8"), version -> {
            loads[0]++;
            if (!published[0]) throw new IllegalStateException("s3://models/x/8/metadata.json does not exist");
            return conversationModel;
        }, metrics, clock);
        var scorer = new ModelLeadScorer(() -> Optional.of(bankModel), variants, new RuleBasedLeadScorer(), metrics);

        assertThat(variants.versionFor(Map.of("scoring", "live"))).as("control: the live model").isEmpty();
        assertThat(variants.versionFor(Map.of())).isEmpty();
        assertThat(variants.versionFor(Map.of("scoring", "next"))).contains("8");
        assertThat(variants.model("8")).isEmpty();
        published[0] = true;
        clock.advance(VariantModels.RETRY_AFTER.minusSeconds(1));
        assertThat(variants.model("8")).as("not looked for again yet").isEmpty();
        assertThat(loads[0]).isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.LEAD_SCORE_VARIANT_FALLBACKS, "8")).isEqualTo(2);
        clock.advance(java.time.Duration.ofSeconds(1));
        LeadScore score = scorer.score(BotType.BUYER, readyBuyer, Map.of("scoring", "next"));
        assertThat(score.modelVersion()).isEqualTo("7");
        assertThat(score.source()).startsWith("model " + MODEL + " 7");
        assertThat(loads[0]).isEqualTo(2);
    }

    @Test
    void theWorkersBotsRecordTheModelsScoreAndVerdict() throws Exception {
        var policy = JorgeConversationPolicy.create(BotSettings.defaults(),
                new ModelLeadScorer(() -> Optional.of(conversationModel), new RuleBasedLeadScorer(), metrics));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
        try (var rig = new WorkerTestRig(policy, clock, TestRedis.standaloneUrl())) {
            rig.worker.messages().process(GhlWebhooks.inboundSms("loc-model", "ana",
                    "Hi! We're pre-approved for 450k, want to buy in Round Rock within 2 months, can we see a home?",
                    clock.instant()), 0);

            assertThat(rig.text("SELECT temperature_reasons::text FROM conversations WHERE contact_id = 'ana'"))
                    .contains("model " + MODEL + " 7 (IN_PROCESS)");
        }
    }
}
