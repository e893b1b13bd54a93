package com.jorge.platform.bots;

import com.jorge.platform.bots.compliance.PossibleOptOutHold;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A probable opt-out the rules do not confirm: the bot sends nothing, pauses itself until a person gives the lead back,
 * and leaves the agent a task; stage and temperature stay. A confirmed opt-out is still answered as one.
 */
class PossibleOptOutHoldTest {

    private static final Instant AFTERNOON = Instant.parse("2026-06-10T19:00:00Z");
    private static JorgeConversationPolicy policy;

    @BeforeAll
    static void load() {
        policy = JorgeConversationPolicy.create(BotSettings.defaults(), LeadMessageUnderstander.patternsOnly(java.time.Clock.systemUTC()));
    }

    @Test
    void aProbableOptOutGetsNoTextAPauseAndATask() {
        Conversation c = new Conversation(policy, BotType.SELLER, "c-possible", ZoneId.of("America/Chicago"), AFTERNOON);
        c.say("thinking of selling my place in Round Rock");
        ConversationState before = c.state;
        assertThat(before.pausedAt(c.now)).isFalse();

        BotTurn turn = c.say("I'm reporting this number to the FCC");

        assertThat(turn.replies()).isEmpty();
        assertThat(turn.nextState().optedOut()).isFalse();
        assertThat(turn.nextState().pausedUntil()).isEqualTo(ConversationState.UNTIL_GIVEN_BACK);
        assertThat(turn.nextState().stage()).isEqualTo(before.stage());
        assertThat(turn.nextState().temperature()).isEqualTo(before.temperature());
        assertThat(Conversation.of(turn.actions(), CrmAction.HandOff.class)).singleElement()
                .satisfies(h -> assertThat(h.reason()).isEqualTo(PossibleOptOutHold.REASON));
        assertThat(Conversation.tags(turn.actions())).containsExactly(PossibleOptOutHold.TAG);
        assertThat(turn.actions()).noneMatch(a -> a instanceof CrmAction.MarkDoNotDisturb || a instanceof CrmAction.MoveOpportunity);
        // the lead's words go nowhere: not into the task's reason, not into a tag
        assertThat(turn.actions().toString()).doesNotContain("FCC");
    }

    @Test
    void aConfirmedOptOutIsStillAnOptOut() {
        Conversation c = new Conversation(policy, BotType.BUYER, "c-confirmed", ZoneId.of("America/Chicago"), AFTERNOON);
        BotTurn turn = c.say("stop texting me");
        assertThat(turn.nextState().optedOut()).isTrue();
        assertThat(turn.nextState().pausedUntil()).isNull();
        assertThat(turn.actions()).noneMatch(PossibleOptOutHold::isTask);
    }

    @Test
    void anOrdinaryMessageIsAnswered() {
        Conversation c = new Conversation(policy, BotType.BUYER, "c-ordinary", ZoneId.of("America/Chicago"), AFTERNOON);
        BotTurn turn = c.say("the bus stop near the school is a plus, we want 3 beds in Pflugerville");
        assertThat(turn.replies()).isNotEmpty();
        assertThat(turn.nextState().pausedUntil()).isNull();
    }
}
