package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeBots;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.leadscore.InProcessLeadScorer;
import com.jorge.platform.leadscore.LeadScoreClient;
import com.jorge.platform.leadscore.LeadScoreClientSettings;
import com.jorge.platform.leadscore.ScoreMetrics;
import com.jorge.platform.leadscore.TestModels;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.followup.FollowUpComposer;
import com.jorge.platform.worker.scoring.ModelLeadScorer;
import com.jorge.platform.worker.scoring.VariantModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The follow_up_cadence and model_version experiments (EXPERIMENTS) through the worker, real PostgreSQL,
 * Redis and the fake GHL: leads in different cadence variants are followed up at their variants' waits (by the
 * local runtime's sweep and by the lead-nurture workflow's schedule),
 * and leads in different model variants are scored by their variants' model versions (lead_scores and
 * the audit say which).
 */
class ExperimentsThroughTheWorkerTest {

    private static final String MODEL = "conversation-lead-score";
    @RegisterExtension
    final StepFunctionsService aws = new StepFunctionsService();

    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T18:00:00Z"); // noon in Chicago
    private static final String SELLING = "Hi, I'm thinking of selling my house in Austin";

    private static final String CADENCE = """
            {"name": "cadence", "kind": "follow_up_cadence", "metric": "answered", "plannedSamplePerVariant": 300,
             "startsOn": "2026-11-01", "variants": [{"name": "fast", "weight": 1}, {"name": "slow", "weight": 1}]}""";
    private static final String SCORING = """
            {"name": "scoring", "kind": "model_version", "metric": "qualified", "plannedSamplePerVariant": 300,
             "startsOn": "2026-11-01", "variants": [{"name": "live", "weight": 1}, {"name": "challenger", "weight": 1},
                                                    {"name": "unpublished", "weight": 1}]}""";
    private static final String EXPERIMENTS = "[" + CADENCE + "," + SCORING + "]";

    private static final RecordedMetrics SCORE_METRICS = new RecordedMetrics();
    private static LeadScoreClient live;
    private static LeadScoreClient challenger;
    /** Both experiments at once, as a deployment would run them (and one understanding model to load). */
    private static JorgeConversationPolicy policy;

    @BeforeAll
    static void setUp() {
        TestModels.Files files = TestModels.conversation(MODEL, 0.30, 100, 10);
        live = new LeadScoreClient(LeadScoreClientSettings.inProcessOnly(MODEL),
                InProcessLeadScorer.load("7", files.model(), files.metadata()), new ScoreMetrics((path, nanos) -> { }));
        challenger = new LeadScoreClient(LeadScoreClientSettings.inProcessOnly(MODEL),
                InProcessLeadScorer.load("8", files.model(), files.metadata()), new ScoreMetrics((path, nanos) -> { }));
        PlatformConfig config = PlatformConfig.of(Map.of("EXPERIMENTS", EXPERIMENTS,
                // fast (control) and slow both name their waits; two follow-ups at most
                BotSettings.FOLLOW_UP_CADENCES, "fast=PT3H,P1D;slow=P2D,P4D", "JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS", "2",
                VariantModels.KEY, "challenger=8;unpublished=9"));
        BotSettings settings = BotSettings.fromConfig(config);
        // the registry as the worker reads it: version 8 is there, 9 was never published
        VariantModels variants = VariantModels.fromConfig(config, settings.experiments(), version -> switch (version) {
            case "8" -> challenger;
            default -> throw new IllegalStateException("s3://models/" + MODEL + "/" + version + "/metadata.json does not exist");
        }, SCORE_METRICS, Clock.systemUTC());
        policy = JorgeConversationPolicy.create(settings,
                new ModelLeadScorer(() -> Optional.of(live), variants, new RuleBasedLeadScorer(), SCORE_METRICS));
    }

    @AfterAll
    static void close() {
        live.close();
        challenger.close();
    }

    /** The first contact id the stable hash puts in {@code variant} of the configured experiment. */
    private static String contactIn(String experiment, String variant) {
        Experiment e = Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", EXPERIMENTS))).named(experiment).orElseThrow();
        return IntStream.range(0, 300).mapToObj(i -> "lead-" + i).filter(c -> e.variantOf(c).name().equals(variant))
                .findFirst().orElseThrow();
    }

    @Test
    void leadsInTwoCadenceVariantsAreFollowedUpAtTheirVariantsWaits() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_NOON);
        String fast = contactIn("cadence", "fast");
        String slow = contactIn("cadence", "slow");
        try (var rig = new WorkerTestRig(JorgeBots.suite(policy), clock, TestRedis.standaloneUrl())) {
            for (String contact : new String[] {fast, slow}) {
                rig.worker.messages().process(GhlWebhooks.inboundSms("loc-cad", contact, SELLING, clock.instant()), 0);
            }
            Instant replied = clock.instant();

            assertThat(followUpAt(rig, fast, replied.plus(Duration.ofHours(3)).minusSeconds(60))).isEmpty();
            assertThat(followUpAt(rig, fast, replied.plus(Duration.ofHours(3)))).as("fast: 3 hours").isPresent();
            assertThat(followUpAt(rig, slow, replied.plus(Duration.ofHours(3)))).isEmpty();
            assertThat(followUpAt(rig, slow, replied.plus(Duration.ofDays(2)).minusSeconds(60))).isEmpty();
            assertThat(followUpAt(rig, slow, replied.plus(Duration.ofDays(2)))).as("slow: 2 days").isPresent();
            // the second wait counts from the first follow-up: a day for fast, four for slow
            Instant fastFirst = replied.plus(Duration.ofHours(3));
            assertThat(followUpAt(rig, fast, fastFirst.plus(Duration.ofDays(1)))).as("fast: then a day").isPresent();
            Instant slowFirst = replied.plus(Duration.ofDays(2));
            assertThat(followUpAt(rig, slow, slowFirst.plus(Duration.ofDays(3)))).isEmpty();
            assertThat(followUpAt(rig, slow, slowFirst.plus(Duration.ofDays(4)))).as("slow: then four days").isPresent();

            for (var lead : Map.of(fast, "fast", slow, "slow").entrySet()) {
                assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = '" + lead.getKey()
                        + "' AND action = 'follow_up' AND detail->'experiments'->>'cadence' = '" + lead.getValue() + "'"))
                        .as("both follow-ups of %s name its variant", lead.getValue()).isEqualTo(2);
                assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = '" + lead.getKey()
                        + "' AND action = 'replied' AND detail->'experiments'->>'cadence' = '" + lead.getValue() + "'"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void theLeadNurtureWorkflowIsStartedWithEachLeadsCadence() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_NOON);
        StepFunctionsStandIn sfn = aws.standIn();
        String nurture = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-lead-nurture";
        Map<String, List<Long>> expected = Map.of(contactIn("cadence", "fast"), List.of(3 * 3600L, 86_400L),
                contactIn("cadence", "slow"), List.of(2 * 86_400L, 4 * 86_400L));
        try (var rig = new WorkerTestRig(JorgeBots.suite(policy), clock, TestRedis.standaloneUrl(), Map.of(
                "NURTURE_STATE_MACHINE_ARN", nurture, "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString()))) {
            for (String contact : expected.keySet()) {
                rig.worker.messages().process(GhlWebhooks.inboundSms("loc-sfn", contact, SELLING, clock.instant()), 0);
            }
            Map<String, List<Long>> started = new java.util.HashMap<>();
            for (StepFunctionsStandIn.Call call : sfn.calls("StartExecution")) {
                JsonNode input = PlatformJson.mapper().readTree(call.body().path("input").asText());
                List<Long> waits = new java.util.ArrayList<>();
                input.path("waitSeconds").forEach(w -> waits.add(w.asLong()));
                started.put(input.path("contactId").asText(), waits);
            }
            assertThat(started).isEqualTo(expected);
        }
    }

    /** The local runtime's sweep for one lead: the follow-up due at {@code at} by the policy's timing, stored and audited. */
    private static Optional<BotTurn> followUpAt(WorkerTestRig rig, String contact, Instant at) {
        LeadRef lead = new LeadRef("loc-cad", contact);
        var parts = rig.worker.followUps();
        return parts.db().inTransaction(c -> {
            FollowUpComposer.QuietLead quiet = parts.composer().read(c, lead);
            Optional<BotTurn> turn = parts.composer().due(quiet, at);
            if (turn.isPresent()) parts.writer().write(c, lead, turn.get(), "followup-" + UUID.randomUUID(), at, Map.of());
            return turn;
        });
    }

    @Test
    void leadsInTwoModelVariantsAreScoredByTheirVariantsVersions() throws Exception {
        MutableClock clock = new MutableClock(MONDAY_NOON);
        RecordedMetrics metrics = SCORE_METRICS;
        Map<String, String> versionOf = Map.of("live", "7", "challenger", "8", "unpublished", "7");
        try (var rig = new WorkerTestRig(JorgeBots.suite(policy), clock, TestRedis.standaloneUrl())) {
            for (var variant : versionOf.entrySet()) {
                String contact = contactIn("scoring", variant.getKey());
                rig.worker.messages().process(GhlWebhooks.inboundSms("loc-model", contact,
                        "We're pre-approved for 450k, want to buy in Round Rock within 2 months, can we see a home?",
                        clock.instant()), 0);

                assertThat(rig.text("SELECT string_agg(DISTINCT model_version, ',') FROM lead_scores WHERE contact_id = '"
                        + contact + "'")).as("lead_scores of the %s lead", variant.getKey()).isEqualTo(variant.getValue());
                assertThat(rig.text("SELECT detail->>'modelVersion' FROM audit_log WHERE contact_id = '" + contact
                        + "' AND action = 'lead_scored'")).isEqualTo(variant.getValue());
                JsonNode replied = PlatformJson.mapper().readTree(rig.text("SELECT detail::text FROM audit_log WHERE contact_id = '"
                        + contact + "' AND action = 'replied'"));
                assertThat(replied.path("experiments").path("scoring").asText()).isEqualTo(variant.getKey());
                assertThat(rig.text("SELECT temperature_reasons::text FROM conversations WHERE contact_id = '" + contact + "'"))
                        .contains("model " + MODEL + " " + variant.getValue() + " (IN_PROCESS)");
            }
            assertThat(metrics.counter(PlatformMetrics.LEAD_SCORE_VARIANT_FALLBACKS, "9"))
                    .as("the variant whose version cannot be loaded: scored by the live model, and counted").isPositive();
            assertThat(metrics.counter(PlatformMetrics.LEAD_SCORES, ModelLeadScorer.RULES_PATH)).isZero();
        }
    }

    @Test
    void aModelVariantWithoutAVersionFailsAtStart() {
        Experiments experiments = Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", EXPERIMENTS)));
        assertThatThrownBy(() -> VariantModels.fromConfig(PlatformConfig.of(Map.of(VariantModels.KEY, "challenger=8")),
                experiments, v -> challenger, new RecordedMetrics(), new MutableClock(MONDAY_NOON)))
                .hasMessageContaining("experiment 'scoring' variant 'unpublished' names no model version")
                .hasMessageContaining(VariantModels.KEY);
    }
}
