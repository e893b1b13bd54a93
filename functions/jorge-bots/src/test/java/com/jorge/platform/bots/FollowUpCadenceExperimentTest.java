package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.jorge.platform.understanding.Intent.GREETING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A follow_up_cadence experiment from EXPERIMENTS: a lead in a variant waits that variant's cadence
 * (JORGE_BOTS_FOLLOW_UP_CADENCES), control the usual delays, and the follow-up names the variant.
 */
class FollowUpCadenceExperimentTest {

    static final String CADENCE = """
            [{"name": "cadence", "kind": "follow_up_cadence", "metric": "answered", "plannedSamplePerVariant": 300,
              "startsOn": "%s", "botType": "%s",
              "variants": [{"name": "usual", "weight": 1}, {"name": "fast", "weight": 1}, {"name": "slow", "weight": 1}]}]""";
    static final String CADENCES = "fast=PT2H,P1D,P2D;slow=P2D,P5D,P10D";

    final ScriptedUnderstander understander = new ScriptedUnderstander();

    JorgeConversationPolicy policy(String startsOn, String bot) {
        return new JorgeConversationPolicy(BotSettings.fromSettings(Map.of("EXPERIMENTS", CADENCE.formatted(startsOn, bot),
                BotSettings.FOLLOW_UP_CADENCES, CADENCES)), understander, new RuleBasedLeadScorer(),
                new TemplateReplyWriter(ReplyTemplates.load()));
    }

    /** The first contact id the stable hash puts in {@code variant}. */
    static String contactIn(String variant) {
        Experiment e = Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", CADENCE.formatted("2026-01-01", "seller"))))
                .named("cadence").orElseThrow();
        return IntStream.range(0, 200).mapToObj(i -> "lead-" + i).filter(c -> e.variantOf(c).name().equals(variant))
                .findFirst().orElseThrow();
    }

    Conversation greeted(JorgeConversationPolicy policy, String contact) {
        understander.when("hi").intent(GREETING);
        Conversation c = new Conversation(policy, BotType.SELLER, contact, JorgeConversationPolicyTest.CHICAGO,
                JorgeConversationPolicyTest.AFTERNOON);
        c.say("hi");
        return c;
    }

    @Test
    void eachVariantWaitsItsOwnCadenceAndTheFollowUpNamesIt() {
        JorgeConversationPolicy policy = policy("2026-01-01", "seller");
        FollowUpPlanner planner = new FollowUpPlanner(policy);
        Map<String, List<Duration>> expected = Map.of(
                "usual", List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)),
                "fast", List.of(Duration.ofHours(2), Duration.ofDays(1), Duration.ofDays(2)),
                "slow", List.of(Duration.ofDays(2), Duration.ofDays(5), Duration.ofDays(10)));
        expected.forEach((variant, waits) -> {
            Conversation c = greeted(policy, contactIn(variant));
            assertThat(c.turns.getLast().experiments()).as("the reply names the lead's cadence too")
                    .containsEntry("cadence", variant);
            assertThat(planner.waits(c.lead, c.state, c.now)).as(variant).containsExactlyElementsOf(waits);

            c.now = c.state.lastReplyAt().plus(waits.getFirst()).minusSeconds(60);
            assertThat(planner.followUp(c.context())).as(variant + ": not before its first wait").isEmpty();
            c.now = c.state.lastReplyAt().plus(waits.getFirst());
            BotTurn followUp = planner.followUp(c.context()).orElseThrow();
            assertThat(followUp.experiments()).containsEntry("cadence", variant);
            c.state = followUp.nextState();
            assertThat(planner.waits(c.lead, c.state, c.now)).as(variant + ": the waits left after one")
                    .containsExactlyElementsOf(waits.subList(1, 3));
        });
    }

    @Test
    void beforeItsStartOrForTheOtherBotTheUsualDelaysHold() {
        String fast = contactIn("fast");
        for (JorgeConversationPolicy policy : List.of(policy("2027-01-01", "seller"), policy("2026-01-01", "buyer"))) {
            Conversation c = greeted(policy, fast);
            assertThat(new FollowUpPlanner(policy).waits(c.lead, c.state, c.now))
                    .containsExactly(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
            assertThat(c.turns.getLast().experiments()).doesNotContainKey("cadence");
        }
    }

    @Test
    void aVariantWithoutACadenceFailsAtStart() {
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("EXPERIMENTS", CADENCE.formatted("2026-01-01", "seller"),
                BotSettings.FOLLOW_UP_CADENCES, "fast=PT2H")))
                .hasMessageContaining("experiment 'cadence' variant 'slow' has no cadence")
                .hasMessageContaining(BotSettings.FOLLOW_UP_CADENCES);
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of(BotSettings.FOLLOW_UP_CADENCES, "fast=PT0S")))
                .hasMessageContaining(BotSettings.FOLLOW_UP_CADENCES).hasMessageContaining("positive");
    }
}
