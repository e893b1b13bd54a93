package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static com.jorge.platform.understanding.Intent.*;
import static com.jorge.platform.understanding.SlotName.*;
import static org.assertj.core.api.Assertions.assertThat;

class FollowUpPlannerTest {

    final ScriptedUnderstander understander = new ScriptedUnderstander();
    final RecordingWriter writer = new RecordingWriter(new TemplateReplyWriter(ReplyTemplates.load()));
    final JorgeConversationPolicy policy =
            new JorgeConversationPolicy(BotSettings.defaults(), understander, new RuleBasedLeadScorer(), writer);
    final FollowUpPlanner planner = new FollowUpPlanner(policy);

    Conversation askedAboutMotivation() {
        understander.when("hi").intent(GREETING);
        Conversation c = new Conversation(policy, BotType.SELLER, "f1", JorgeConversationPolicyTest.CHICAGO,
                JorgeConversationPolicyTest.AFTERNOON);
        c.say("hi");
        return c;
    }

    Optional<BotTurn> at(Conversation c, Duration after) {
        c.now = c.state.lastReplyAt().plus(after);
        Optional<BotTurn> turn = planner.followUp(c.context());
        turn.ifPresent(t -> c.state = t.nextState());
        return turn;
    }

    @Test
    void aSilentLeadGetsTheOpenQuestionAgainOnlyOnceTheDelayHasPassed() {
        Conversation c = askedAboutMotivation();

        assertThat(at(c, Duration.ofHours(23))).isEmpty();
        Optional<BotTurn> first = at(c, Duration.ofHours(25));

        assertThat(first).isPresent();
        assertThat(writer.lastKeys()).containsExactly("followup.nudge", "ask.seller.motivation");
        assertThat(first.get().nextState().facts()).containsEntry("bot.followups_unanswered", "1");
        assertThat(first.get().nextState().lastReplyAt()).isEqualTo(c.now);
    }

    @Test
    void followUpsStopAtTheCapUntilTheLeadAnswers() {
        Conversation c = askedAboutMotivation();
        assertThat(at(c, Duration.ofDays(1).plusMinutes(1))).isPresent();
        assertThat(at(c, Duration.ofDays(3).plusMinutes(1))).isPresent();
        assertThat(at(c, Duration.ofDays(7).plusMinutes(1))).isPresent();
        assertThat(at(c, Duration.ofDays(30))).isEmpty(); // cap of 3 reached

        understander.when("relocating").slot(MOTIVATION, "relocating");
        c.say("relocating");
        assertThat(c.state.facts()).containsEntry("bot.followups_unanswered", "0");
        assertThat(at(c, Duration.ofDays(1).plusMinutes(1))).isPresent();
    }

    @Test
    void noFollowUpWhenTheLeadSpokeLastOptedOutOrIsWithAHuman() {
        Conversation c = askedAboutMotivation();
        ConversationState asked = c.state;

        c.state = asked.withPausedUntil(null).withInbound(asked.lastReplyAt().plusSeconds(60)).withVersion(0);
        assertThat(at(c, Duration.ofDays(2))).isEmpty();

        c.state = asked.withOptedOut();
        assertThat(at(c, Duration.ofDays(2))).isEmpty();

        c.state = asked.withPausedUntil(asked.lastReplyAt().plus(Duration.ofDays(5)));
        assertThat(at(c, Duration.ofDays(2))).isEmpty();
    }

    @Test
    void aFollowUpDueAtNightWaitsForMorning() {
        Conversation c = askedAboutMotivation();
        c.now = Instant.parse("2026-06-12T03:00:00Z"); // 22:00 in Chicago, a day and a half later

        Optional<BotTurn> turn = planner.followUp(c.context());

        assertThat(turn).isPresent();
        assertThat(turn.get().notBefore()).isEqualTo(Instant.parse("2026-06-12T13:00:00Z"));
    }

    @Test
    void nurturedLeadsGetARareCheckIn() {
        understander.when("not right now, maybe next year").intent(NOT_NOW).slot(TIMELINE, "12");
        Conversation c = askedAboutMotivation();
        c.say("not right now, maybe next year");
        assertThat(c.state.stage()).isEqualTo("nurture");

        assertThat(at(c, Duration.ofDays(7))).isEmpty();
        assertThat(at(c, Duration.ofDays(30))).isPresent();
        assertThat(writer.lastKeys()).containsExactly("followup.nurture");
    }

    @Test
    void aWorkflowKeepingTheScheduleGetsTheNextFollowUpAtOnceButStillNoneBeyondTheCap() {
        Conversation c = askedAboutMotivation();
        assertThat(planner.waits(c.context().lead(), c.state, c.now)).containsExactly(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

        c.now = c.state.lastReplyAt().plus(Duration.ofMinutes(5)); // long before the bots' own first delay
        Optional<BotTurn> first = planner.nextFollowUp(c.context());
        assertThat(first).isPresent();
        assertThat(writer.lastKeys()).containsExactly("followup.nudge", "ask.seller.motivation");
        c.state = first.get().nextState();
        assertThat(planner.waits(c.context().lead(), c.state, c.now)).as("the waits left after one unanswered follow-up")
                .containsExactly(Duration.ofDays(3), Duration.ofDays(7));

        for (int i = 0; i < 2; i++) {
            c.now = c.now.plusSeconds(60);
            c.state = planner.nextFollowUp(c.context()).orElseThrow().nextState();
        }
        assertThat(planner.mayFollowUp(c.state, c.now)).isFalse();
        assertThat(planner.nextFollowUp(c.context())).as("three unanswered follow-ups is the cap").isEmpty();
    }
}
