package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.understanding.LeadSide;
import com.jorge.platform.understanding.MessageUnderstander;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.jorge.platform.understanding.Intent.*;
import static com.jorge.platform.understanding.SlotName.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JorgeConversationPolicyTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant AFTERNOON = Instant.parse("2026-06-10T19:00:00Z"); // 14:00 in Chicago

    final ScriptedUnderstander understander = new ScriptedUnderstander();
    final RecordingWriter writer = new RecordingWriter(new TemplateReplyWriter(ReplyTemplates.load()));
    final JorgeConversationPolicy policy =
            new JorgeConversationPolicy(BotSettings.defaults(), understander, new RuleBasedLeadScorer(), writer);

    Conversation lead(BotType side, String id) {
        return new Conversation(policy, side, id, CHICAGO, AFTERNOON);
    }

    @Test
    void aTextTheReadersCannotTakeGetsTheSafeReplyAndAPersonNeverSilence() {
        MessageUnderstander broken = (text, side) -> {
            throw new StackOverflowError(); // what a catastrophic regex does on a long repetitive text
        };
        JorgeConversationPolicy fragile = new JorgeConversationPolicy(BotSettings.defaults(), broken,
                new RuleBasedLeadScorer(), writer);
        Conversation c = new Conversation(fragile, BotType.SELLER, "c-overflow", CHICAGO, AFTERNOON);

        BotTurn turn = c.say("a".repeat(1500));

        assertThat(writer.lastKeys()).containsExactly("fallback.unreadable");
        assertThat(turn.replies()).singleElement().asString().contains("Jorge"); // the agent who will answer
        assertThat(turn.actions()).anySatisfy(a -> assertThat(a).isInstanceOf(CrmAction.HandOff.class));
        assertThat(Conversation.tags(turn.actions())).contains("needs-human");
        assertThat(c.state.stage()).isEqualTo("handed_off");
        assertThat(c.state.optedOut()).isFalse();
    }

    @Test
    void greetsThenAsksTheFirstQuestionTheLeadHasNotAlreadyAnswered() {
        understander.when("thinking of selling, we're relocating in 2 months")
                .slot(MOTIVATION, "relocating").slot(TIMELINE, "2").intent(SELLING);
        Conversation c = lead(BotType.SELLER, "c1");

        BotTurn turn = c.say("thinking of selling, we're relocating in 2 months");

        assertThat(writer.lastKeys()).containsExactly("greet", "ask.seller.address");
        assertThat(turn.replies()).singleElement().asString().contains("Maria");
        assertThat(turn.notBefore()).isNull();
        assertThat(c.state.stage()).isEqualTo("qualifying");
        assertThat(c.state.facts()).containsEntry("seller.motivation", "relocating")
                .containsEntry("seller.timeline_months", "2");
        assertThat(Conversation.of(turn.actions(), CrmAction.UpdateFields.class).getFirst().fields())
                .containsEntry("contact.seller_motivation", "relocating")
                .containsEntry("contact.seller_timeline_months", "2");
        assertThat(Conversation.tags(turn.actions())).contains("seller-lead");
        assertThat(turn.actions()).contains(new CrmAction.MoveOpportunity("Qualifying"));
        // a first message is read without assuming a side (the lead may have been routed to the wrong bot)
        assertThat(understander.sidesSeen).containsExactly(LeadSide.UNKNOWN);
    }

    @Test
    void asksOneQuestionAtATimeNeverRepeatsAnAnsweredOneAndGivesUpOnAnIgnoredOne() {
        understander.when("hi").intent(GREETING);
        understander.when("divorce").slot(MOTIVATION, "divorce");
        understander.when("it's 12 Elm St").slot(PROPERTY_ADDRESS, "12 Elm St");
        understander.when("not sure yet");
        Conversation c = lead(BotType.SELLER, "c2");

        c.say("hi");
        assertThat(writer.lastKeys()).containsExactly("greet", "ask.seller.motivation");
        c.say("divorce");
        assertThat(writer.lastKeys()).containsExactly("ack", "ask.seller.timeline");
        c.say("it's 12 Elm St");
        assertThat(writer.lastKeys()).containsExactly("ack", "ask.seller.timeline"); // asked once, still open
        c.say("not sure yet");
        assertThat(writer.lastKeys()).containsExactly("ask.seller.condition"); // ignored twice: moves on
        List<String> asked = writer.plans.stream().map(p -> p.parts().getLast().key()).toList();
        assertThat(asked).filteredOn("ask.seller.motivation"::equals).hasSize(1);
        assertThat(asked).doesNotContain("ask.seller.address"); // volunteered before it was asked
    }

    @Test
    void optOutIsConfirmedOnceMarkedDoNotDisturbAndThenNothingIsEverSent() {
        understander.when("STOP").intent(OPT_OUT);
        understander.when("hello?").intent(GREETING);
        Conversation c = lead(BotType.SELLER, "c3");

        BotTurn first = c.say("STOP");
        assertThat(writer.lastKeys()).containsExactly("optout.confirm");
        assertThat(first.replies()).singleElement().asString().contains("Jorge's team");
        assertThat(first.actions()).contains(new CrmAction.MarkDoNotDisturb("lead opted out by text"));
        assertThat(c.state.optedOut()).isTrue();
        assertThat(c.state.stage()).isEqualTo("opted_out");

        int readsBefore = understander.sidesSeen.size();
        BotTurn again = c.say("STOP");
        BotTurn later = c.say("hello?");
        assertThat(again.replies()).isEmpty();
        assertThat(again.actions()).isEmpty();
        assertThat(later.replies()).isEmpty();
        assertThat(later.actions()).isEmpty();
        assertThat(later.nextState().optedOut()).isTrue();
        assertThat(understander.sidesSeen).hasSize(readsBefore); // not even read
    }

    @Test
    void optOutIsHonouredWhilePausedAndAtNightWithoutWaitingForMorning() {
        understander.when("stop texting me").intent(OPT_OUT, ANGRY);
        Conversation c = lead(BotType.BUYER, "c4");
        c.now = Instant.parse("2026-06-11T04:30:00Z"); // 23:30 in Chicago
        c.state = c.state.withPausedUntil(c.now.plusSeconds(3600));

        BotTurn turn = c.say("stop texting me");

        assertThat(turn.replies()).hasSize(1);
        assertThat(turn.notBefore()).isNull();
        assertThat(Conversation.of(turn.actions(), CrmAction.MarkDoNotDisturb.class)).hasSize(1);
        assertThat(turn.nextState().optedOut()).isTrue();
    }

    @Test
    void wrongNumberIsNeverTextedAgain() {
        understander.when("wrong number, I'm not Maria").intent(WRONG_NUMBER);
        understander.when("I said wrong number!!").intent(WRONG_NUMBER, ANGRY);
        Conversation c = lead(BotType.SELLER, "c5");

        BotTurn turn = c.say("wrong number, I'm not Maria");
        assertThat(turn.replies()).isEmpty();
        assertThat(Conversation.of(turn.actions(), CrmAction.MarkDoNotDisturb.class)).hasSize(1);
        assertThat(Conversation.tags(turn.actions())).containsExactly("wrong-number");
        assertThat(c.state.optedOut()).isTrue();
        assertThat(c.state.stage()).isEqualTo("wrong_number");

        assertThat(c.say("I said wrong number!!").replies()).isEmpty();
        c.now = c.now.plusSeconds(10 * 86400);
        assertThat(new FollowUpPlanner(policy).followUp(c.context())).isEmpty();
    }

    @Test
    void aReplyDueInQuietHoursWaitsForMorningInTheLeadsZone() {
        understander.when("hi, thinking about selling").intent(GREETING, SELLING);
        Conversation c = lead(BotType.SELLER, "c6");
        c.now = Instant.parse("2026-06-11T04:30:00Z").minusSeconds(90); // say() adds 90 s: 23:30 in Chicago

        BotTurn turn = c.say("hi, thinking about selling");

        assertThat(turn.replies()).hasSize(1);
        assertThat(turn.notBefore()).isEqualTo(Instant.parse("2026-06-11T13:00:00Z")); // 08:00 in Chicago
        assertThat(turn.deferredAt(c.now)).isTrue();
        assertThat(c.state.lastReplyAt()).isEqualTo(turn.notBefore());
    }

    @Test
    void quietHoursRespectBothTheLeadsAndTheLocationsZone() {
        understander.when("hi, thinking about selling").intent(GREETING, SELLING);
        Conversation c = new Conversation(policy, BotType.SELLER, "c7", ZoneId.of("America/Los_Angeles"),
                Instant.parse("2026-06-10T12:30:00Z").minusSeconds(90)); // 07:30 Chicago, 05:30 Los Angeles

        BotTurn turn = c.say("hi, thinking about selling");

        assertThat(turn.notBefore()).isEqualTo(Instant.parse("2026-06-10T15:00:00Z")); // 08:00 in Los Angeles
    }

    @Test
    void aHotSellerIsTaggedMovedHandedOffAndTheBotStopsLeading() {
        understander.when("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k")
                .slot(MOTIVATION, "relocating").slot(TIMELINE, "0").slot(PROPERTY_ADDRESS, "12 Oak St")
                .slot(CONDITION, "good").slot(PRICE_EXPECTATION, "450000").intent(SELLING);
        understander.when("ok thanks").intent(AFFIRMATIVE);
        Conversation c = lead(BotType.SELLER, "c8");

        BotTurn turn = c.say("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k");

        assertThat(c.state.temperature()).isEqualTo(Temperature.HOT);
        assertThat(c.state.temperatureReasons()).anyMatch(r -> r.contains("timeline now"))
                .anyMatch(r -> r.contains("rule-based estimate"));
        assertThat(Conversation.tags(turn.actions())).contains("hot-lead");
        assertThat(turn.actions()).contains(new CrmAction.MoveOpportunity("Hot Lead"));
        assertThat(Conversation.of(turn.actions(), CrmAction.HandOff.class)).singleElement()
                .satisfies(h -> assertThat(h.reason()).startsWith("hot seller lead").contains("relocating"));
        assertThat(Conversation.of(turn.actions(), CrmAction.UpdateFields.class).getFirst().fields())
                .containsEntry("contact.lead_temperature", "hot");
        assertThat(writer.lastKeys()).containsExactly("greet", "handoff.hot_ask_time");
        assertThat(c.state.stage()).isEqualTo("handed_off");

        BotTurn after = c.say("ok thanks");
        assertThat(after.replies()).isEmpty();
        assertThat(Conversation.of(after.actions(), CrmAction.HandOff.class)).isEmpty();
    }

    @Test
    void whileAHumanHasTheConversationTheBotIsSilentButKeepsLearning() {
        understander.when("budget is about 400k").slot(BUDGET_MAX, "400000");
        Conversation c = lead(BotType.BUYER, "c9");
        c.state = c.state.withPausedUntil(AFTERNOON.plusSeconds(7200));

        BotTurn turn = c.say("budget is about 400k");

        assertThat(turn.replies()).isEmpty();
        assertThat(turn.nextState().facts()).containsEntry("buyer.budget_max", "400000");
        assertThat(Conversation.of(turn.actions(), CrmAction.UpdateFields.class)).singleElement()
                .satisfies(u -> assertThat(u.fields()).containsEntry("contact.buyer_budget_max", "400000"));
        assertThat(Conversation.of(turn.actions(), CrmAction.HandOff.class)).isEmpty();
    }

    @Test
    void aBareYesAnswersTheYesNoQuestionJustAsked() {
        understander.when("Round Rock, in 2 months, up to 350k")
                .slot(AREA, "Round Rock").slot(TIMELINE, "2").slot(BUDGET_MAX, "350000").intent(BUYING);
        understander.when("yes").intent(AFFIRMATIVE);
        Conversation c = lead(BotType.BUYER, "c10");

        c.say("Round Rock, in 2 months, up to 350k");
        assertThat(writer.lastKeys()).containsExactly("greet", "ask.buyer.pre_approval");
        c.say("yes");

        assertThat(c.state.facts()).containsEntry("buyer.pre_approval", "yes");
        assertThat(c.state.temperature()).isEqualTo(Temperature.HOT); // pre-approved, 2 months, budget, area
        assertThat(c.state.stage()).isEqualTo("handed_off");
    }

    @Test
    void aLeadWithAnAgentIsThankedClosedAndOnlyAnsweredAgainWhenTheyComeBack() {
        understander.when("we already have a realtor").intent(HAS_AGENT);
        understander.when("ok").intent(AFFIRMATIVE);
        understander.when("actually can someone call me about selling").intent(WANTS_CALL, SELLING);
        Conversation c = lead(BotType.SELLER, "c11");

        BotTurn turn = c.say("we already have a realtor");
        assertThat(writer.lastKeys()).containsExactly("greet", "objection.has_agent");
        assertThat(Conversation.tags(turn.actions())).contains("has-agent");
        assertThat(turn.actions()).contains(new CrmAction.MoveOpportunity("Closed"));
        assertThat(Conversation.of(turn.actions(), CrmAction.HandOff.class)).isEmpty();
        assertThat(c.state.temperature()).isEqualTo(Temperature.COLD);

        assertThat(c.say("ok").replies()).isEmpty();

        BotTurn back = c.say("actually can someone call me about selling");
        assertThat(back.replies()).hasSize(1);
        assertThat(writer.lastKeys()).containsExactly("handoff.call_ask_time");
        assertThat(Conversation.of(back.actions(), CrmAction.HandOff.class)).hasSize(1);
        assertThat(c.state.facts()).doesNotContainKey("signal.has_agent"); // the request outweighs the earlier no
    }

    @Test
    void notInterestedInATextThatAnswersTheQuestionDoesNotCloseTheConversation() {
        understander.when("looking in Austin").slot(AREA, "Austin").intent(BUYING);
        understander.when("we'd like to move within 2 months").slot(TIMELINE, "2").intent(NOT_INTERESTED);
        understander.when("not interested").intent(NOT_INTERESTED);
        Conversation c = lead(BotType.BUYER, "c16");

        c.say("looking in Austin");
        c.say("we'd like to move within 2 months");
        assertThat(c.state.stage()).isEqualTo("qualifying");
        assertThat(c.state.facts()).doesNotContainKey("signal.not_interested");
        assertThat(writer.lastKeys()).containsExactly("ack", "ask.buyer.budget");

        c.say("not interested");
        assertThat(c.state.stage()).isEqualTo("closed");
        assertThat(c.state.temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void aBuyerRoutedToTheSellerBotIsSwitchedBeforeAnythingIsAsked() {
        understander.when("looking to buy a 3 bed in Austin")
                .slot(BEDROOMS, "3").slot(AREA, "Austin").intent(BUYING);
        Conversation c = lead(BotType.SELLER, "c12");

        c.say("looking to buy a 3 bed in Austin");

        assertThat(c.state.botType()).isEqualTo(BotType.BUYER);
        assertThat(c.state.facts()).containsEntry("buyer.areas", "Austin").containsEntry("buyer.bedrooms", "3");
        assertThat(writer.lastKeys()).containsExactly("greet", "ask.buyer.timeline");
    }

    @Test
    void aSellersCityAndHomeTypeDescribeTheHomeForSaleNotOneToBuy() {
        understander.when("I want to sell my condo and buy a bigger house")
                .slot(PROPERTY_TYPE, "condo").intent(SELLING, BUYING);
        understander.when("It's 220 Lamar Blvd unit 5, Austin")
                .slot(PROPERTY_ADDRESS, "220 Lamar Blvd unit 5").slot(AREA, "Austin");
        understander.when("we want something in Round Rock").slot(AREA, "Round Rock").intent(BUYING);
        Conversation c = lead(BotType.SELLER, "c17");

        c.say("I want to sell my condo and buy a bigger house");
        c.say("It's 220 Lamar Blvd unit 5, Austin");
        assertThat(c.state.facts()).doesNotContainKeys("buyer.property_type", "buyer.areas")
                .containsEntry("seller.address", "220 Lamar Blvd unit 5");

        c.say("we want something in Round Rock");
        assertThat(c.state.facts()).containsEntry("buyer.areas", "Round Rock");
    }

    @Test
    void aSellerWhoAlsoBuysIsQualifiedAsABuyerOnceTheSaleIsCovered() {
        understander.when("relocating in 8 months, 9 Pine Rd, needs work, hoping for 300k, and we'll need to buy too")
                .slot(MOTIVATION, "relocating").slot(TIMELINE, "8").slot(PROPERTY_ADDRESS, "9 Pine Rd")
                .slot(CONDITION, "fair").slot(PRICE_EXPECTATION, "300000").intent(SELLING, BUYING);
        Conversation c = lead(BotType.SELLER, "c13");

        c.say("relocating in 8 months, 9 Pine Rd, needs work, hoping for 300k, and we'll need to buy too");

        assertThat(c.state.temperature()).isEqualTo(Temperature.WARM);
        assertThat(c.state.botType()).isEqualTo(BotType.BUYER);
        assertThat(writer.lastKeys()).containsExactly("greet", "switch.to_buyer", "ask.buyer.area");
        assertThat(c.state.facts()).containsEntry("seller.timeline_months", "8");
    }

    @Test
    void aSpanishConversationStaysSpanishThroughShortReplies() {
        understander.when("Hola, busco casa en San Antonio").spanish().slot(AREA, "San Antonio").intent(BUYING);
        understander.when("ok").intent(AFFIRMATIVE);
        Conversation c = lead(BotType.BUYER, "c14");

        BotTurn first = c.say("Hola, busco casa en San Antonio");
        BotTurn second = c.say("ok");

        assertThat(first.replies().getFirst()).contains("Hola");
        assertThat(c.state.language()).isEqualTo("es");
        assertThat(writer.plans.getLast().language()).isEqualTo("es");
        assertThat(second.replies().getFirst()).startsWith("¿");
    }

    @Test
    void variationsDifferAcrossLeadsAndTurnsButRepeatExactlyForTheSameLeadAndTurn() {
        understander.when("hi").intent(GREETING);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            texts.add(lead(BotType.SELLER, "lead-" + i).say("hi").replies().getFirst());
        }
        assertThat(texts).hasSizeGreaterThan(1);

        Conversation a = lead(BotType.SELLER, "same");
        Conversation b = lead(BotType.SELLER, "same");
        assertThat(a.say("hi").replies()).isEqualTo(b.say("hi").replies());
    }

    @Test
    void everyReplyFitsTwoSmsSegments() {
        understander.when("hi").intent(GREETING);
        understander.when("what are mortgage rates right now? also what's my house worth?")
                .intent(OFF_LIMITS_QUESTION, ASKS_HOME_VALUE, QUESTION);
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Conversation c = lead(BotType.SELLER, "seg-" + i);
            replies.addAll(c.say("hi").replies());
            replies.addAll(c.say("what are mortgage rates right now? also what's my house worth?").replies());
        }
        assertThat(replies).allSatisfy(r ->
                assertThat(com.jorge.platform.bots.reply.SmsSegments.count(r)).isBetween(1, 2));
    }

    @Test
    void anOversizedMessageIsReadUpToTheSmsLimitAndAMissingBodyAsEmpty() {
        String huge = "a".repeat(10_000);
        understander.when("a".repeat(JorgeConversationPolicy.MAX_INBOUND_CHARS));
        understander.when("");
        Conversation c = lead(BotType.SELLER, "c15");

        assertThat(c.say(huge).replies()).hasSize(1);
        BotTurn empty = policy.respond(c.context(), new InboundText("m-null", null, "SMS", c.now));
        assertThat(empty.nextState().turns()).isEqualTo(2);
    }

    @Test
    void missingContextFailsWithTheFieldsName() {
        assertThatThrownBy(() -> policy.respond(null, new InboundText("m", "hi", "SMS", AFTERNOON)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("context");
    }
}
