package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.bots.reply.ReplyPlan;
import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.ReplyWriter;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.reply.WrittenReply;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LlmUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.jorge.platform.understanding.Intent.*;
import static com.jorge.platform.understanding.SlotName.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a turn reports for the BI numbers: the LLM tokens its wording cost (the worker records them in the
 * audit entry, the aggregator sums them into the cost per conversation) and the objection it answered.
 */
class TurnUsageAndObjectionTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant AFTERNOON = Instant.parse("2026-06-10T19:00:00Z");

    /** A writer with a model behind it: each call costs tokens that depend on the plan, so a mix-up shows. */
    static final class MeteredWriter implements ReplyWriter {
        final TemplateReplyWriter templates = new TemplateReplyWriter(ReplyTemplates.load());
        final List<LlmUsage> billed = new ArrayList<>();

        @Override
        public String write(ReplyPlan plan) {
            return writeReply(plan).text();
        }

        @Override
        public WrittenReply writeReply(ReplyPlan plan) {
            String text = templates.write(plan);
            LlmUsage usage = new LlmUsage(100L + 10L * plan.parts().size() + billed.size(), text.length(), false);
            billed.add(usage);
            return new WrittenReply(text, true, null, usage);
        }
    }

    final ScriptedUnderstander understander = new ScriptedUnderstander();
    final MeteredWriter writer = new MeteredWriter();
    final JorgeConversationPolicy policy =
            new JorgeConversationPolicy(BotSettings.defaults(), understander, new RuleBasedLeadScorer(), writer);

    @Test
    void eachTurnCarriesTheTokensOfItsOwnWordingAndATemplateOnlyTurnNone() {
        understander.when("thinking of selling").intent(SELLING);
        understander.when("divorce").slot(MOTIVATION, "divorce");
        understander.when("STOP").intent(OPT_OUT);
        Conversation c = new Conversation(policy, BotType.SELLER, "u1", CHICAGO, AFTERNOON);

        BotTurn first = c.say("thinking of selling");
        assertThat(first.llmUsage()).isEqualTo(writer.billed.getLast());
        assertThat(first.llmUsage().outputTokens()).isEqualTo(first.replies().getFirst().length());
        BotTurn second = c.say("divorce");
        assertThat(second.llmUsage()).isEqualTo(writer.billed.getLast()).isNotEqualTo(first.llmUsage());
        BotTurn stop = c.say("STOP");
        assertThat(stop.llmUsage()).isEqualTo(writer.billed.getLast()); // the confirmation was worded too
        int calls = writer.billed.size();

        BotTurn silent = c.say("STOP"); // opted out: nothing read, nothing worded
        assertThat(writer.billed).hasSize(calls);
        assertThat(silent.llmUsage()).isEqualTo(LlmUsage.NONE);
    }

    @Test
    void theObjectionTheBotAnsweredIsNamedOnTheTurn() {
        understander.when("we already have a realtor").intent(HAS_AGENT);
        understander.when("not right now").intent(NOT_NOW);
        understander.when("too expensive").intent(PRICE_TOO_HIGH, BUYING);
        understander.when("thinking of selling").intent(SELLING);

        assertThat(new Conversation(policy, BotType.SELLER, "o1", CHICAGO, AFTERNOON).say("we already have a realtor").objection())
                .isEqualTo("has_agent");
        assertThat(new Conversation(policy, BotType.SELLER, "o2", CHICAGO, AFTERNOON).say("not right now").objection())
                .isEqualTo("not_now");
        assertThat(new Conversation(policy, BotType.BUYER, "o3", CHICAGO, AFTERNOON).say("too expensive").objection())
                .isEqualTo("price_too_high");
        assertThat(new Conversation(policy, BotType.SELLER, "o4", CHICAGO, AFTERNOON).say("thinking of selling").objection())
                .isNull();
    }

    @Test
    void objectionKeysAreReadFromTheRepliesParts() {
        assertThat(JorgeConversationPolicy.objectionOf(List.of(ReplyPart.optional("greet"), ReplyPart.required("objection.just_looking"),
                ReplyPart.required("ask.buyer.area")))).isEqualTo("just_looking");
        assertThat(JorgeConversationPolicy.objectionOf(List.of(ReplyPart.required("ask.buyer.area")))).isNull();
    }
}
