package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.Tone;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.jorge.platform.understanding.Intent.SELLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template experiment from EXPERIMENTS: each contact's replies are worded in its variant (the stable hash the
 * BI results split by), the turn names the variant, and without an experiment nothing changes.
 */
class TemplateExperimentTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant AFTERNOON = Instant.parse("2026-06-10T19:00:00Z");
    static final String GREETING = """
            [{"name": "greeting", "kind": "template", "metric": "qualified", "plannedSamplePerVariant": 400,
              "startsOn": "%s", "botType": "seller", "variants": [{"name": "control", "weight": %d}, {"name": "warm", "weight": %d}]}]""";

    final ScriptedUnderstander understander = new ScriptedUnderstander();
    final ReplyTemplates templates = ReplyTemplates.load();

    JorgeConversationPolicy policy(String experiments) {
        BotSettings settings = experiments == null ? BotSettings.defaults() : BotSettings.fromSettings(Map.of("EXPERIMENTS", experiments));
        return new JorgeConversationPolicy(settings, understander, new RuleBasedLeadScorer(), new TemplateReplyWriter(templates));
    }

    BotTurn firstTurn(JorgeConversationPolicy policy, String contactId, BotType side) {
        understander.when("thinking of selling my house").intent(SELLING);
        return new Conversation(policy, side, contactId, CHICAGO, AFTERNOON).say("thinking of selling my house");
    }

    @Test
    void aContactAlwaysGetsTheSameVariantAndItsWording() {
        String config = GREETING.formatted("2026-06-01", 1, 1);
        Experiment greeting = Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", config))).named("greeting").orElseThrow();
        JorgeConversationPolicy one = policy(config);
        JorgeConversationPolicy another = policy(config); // another process: no memory shared
        JorgeConversationPolicy plain = policy(null);
        List<String> warm = templates.variations("greet", "en", Tone.FRIENDLY, "warm").stream()
                .map(t -> t.substring(0, t.indexOf("{name}"))).toList();
        int warmSeen = 0;
        for (int i = 0; i < 60; i++) {
            String contact = "c-" + i;
            BotTurn first = firstTurn(one, contact, BotType.SELLER);
            BotTurn again = firstTurn(another, contact, BotType.SELLER);
            String variant = greeting.variantOf(contact).name();
            assertThat(first.experiments()).containsExactly(Map.entry("greeting", variant));
            assertThat(again.experiments()).isEqualTo(first.experiments());
            assertThat(again.replies()).isEqualTo(first.replies());
            String reply = first.replies().getFirst();
            if (variant.equals("warm")) {
                warmSeen++;
                assertThat(warm).anySatisfy(opening -> assertThat(reply).startsWith(opening));
                assertThat(reply).isNotEqualTo(firstTurn(plain, contact, BotType.SELLER).replies().getFirst());
            } else {
                // control is today's wording, word for word
                assertThat(first.replies()).isEqualTo(firstTurn(plain, contact, BotType.SELLER).replies());
            }
            assertThat(first.actions()).isEqualTo(firstTurn(plain, contact, BotType.SELLER).actions());
        }
        assertThat(warmSeen).isBetween(15, 45);
    }

    @Test
    void theSplitOverAThousandContactsFollowsTheConfiguredWeights() {
        JorgeConversationPolicy policy = policy(GREETING.formatted("2026-06-01", 4, 1));
        int warm = 0;
        for (int i = 0; i < 1_000; i++) {
            BotTurn turn = firstTurn(policy, "contact-" + i, BotType.SELLER);
            if (turn.experiments().get("greeting").equals("warm")) warm++;
        }
        // weights 4:1 -> 200 expected, binomial sd 12.6: within 4 sd
        assertThat(warm).isBetween(150, 250);
    }

    @Test
    void withoutAnExperimentThatAppliesTheBotsSayExactlyWhatTheySayToday() {
        JorgeConversationPolicy plain = policy(null);
        assertThat(BotSettings.defaults().experiments().all()).isEmpty();
        JorgeConversationPolicy notYet = policy(GREETING.formatted("2026-07-01", 1, 1));
        JorgeConversationPolicy buyersOnly = policy(GREETING.formatted("2026-06-01", 1, 1).replace("\"seller\"", "\"buyer\""));
        for (int i = 0; i < 40; i++) {
            String contact = "c-" + i;
            BotTurn today = firstTurn(plain, contact, BotType.SELLER);
            assertThat(today.experiments()).isEmpty();
            for (JorgeConversationPolicy other : List.of(notYet, buyersOnly)) {
                BotTurn turn = firstTurn(other, contact, BotType.SELLER);
                assertThat(turn).isEqualTo(today);
            }
        }
    }

    @Test
    void aVariantTheTemplatesDoNotHaveFailsAtStartWithTheExperimentAndVariant() {
        String config = GREETING.formatted("2026-06-01", 1, 1).replace("\"warm\"", "\"wram\"");
        assertThatThrownBy(() -> policy(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EXPERIMENTS").hasMessageContaining("'greeting'").hasMessageContaining("'wram'");
    }

    @Test
    void aFollowUpIsWordedInTheContactsVariantToo() {
        String config = GREETING.formatted("2026-06-01", 1, 1);
        JorgeConversationPolicy policy = policy(config);
        understander.when("thinking of selling my house").intent(SELLING);
        Conversation c = new Conversation(policy, BotType.SELLER, "c-7", CHICAGO, AFTERNOON);
        BotTurn first = c.say("thinking of selling my house");
        c.now = c.now.plus(java.time.Duration.ofDays(2));
        BotTurn followUp = new FollowUpPlanner(policy).followUp(c.context()).orElseThrow();
        assertThat(followUp.experiments()).isEqualTo(first.experiments()).isNotEmpty();
    }
}
