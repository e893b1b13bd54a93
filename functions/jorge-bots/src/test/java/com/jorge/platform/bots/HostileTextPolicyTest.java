package com.jorge.platform.bots;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The production policy with the real understander, fed what a hostile lead can text: it answers
 * (a reply, or the opt-out's confirmation and DND) and never throws; a disguised STOP still opts out.
 */
class HostileTextPolicyTest {

    private static final Instant AFTERNOON = Instant.parse("2026-06-10T19:00:00Z"); // 14:00 in Chicago
    private static JorgeConversationPolicy policy;

    @BeforeAll
    static void load() {
        policy = JorgeConversationPolicy.create(BotSettings.defaults(), LeadMessageUnderstander.load());
    }

    private static BotTurn firstText(String text) {
        Conversation c = new Conversation(policy, BotType.SELLER, "c-hostile", ZoneId.of("America/Chicago"), AFTERNOON);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> c.say(text));
    }

    @ParameterizedTest
    @ValueSource(ints = {1_200, 5_000, 100_000})
    void aWallOfOneLetterGetsAnAnswer(int length) {
        assertThat(firstText("a".repeat(length)).replies()).isNotEmpty();
        assertThat(firstText("a".repeat(length) + "!").replies()).isNotEmpty();
        assertThat(firstText("9".repeat(length)).replies()).isNotEmpty();
        assertThat(firstText("morning at 5 or ".repeat(length / 16)).replies()).isNotEmpty();
        assertThat(firstText("1,2.3:4/5-6 ".repeat(length / 12)).replies()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"S\u200bTOP", "ＳＴＯＰ", "\u202eSTOP", "ST\u00adOP", "sToP", "ＢＡＪＡ", "A\u200bLTO", "stop\u200b texting me"})
    void aDisguisedStopOptsOutAndMarksDoNotDisturb(String text) {
        BotTurn turn = firstText(text);
        assertThat(turn.nextState().optedOut()).as(text).isTrue();
        assertThat(turn.actions()).as(text).anySatisfy(a -> assertThat(a).isInstanceOf(CrmAction.MarkDoNotDisturb.class));
    }
}
