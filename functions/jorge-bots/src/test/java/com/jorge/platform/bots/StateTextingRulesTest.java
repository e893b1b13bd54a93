package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static com.jorge.platform.understanding.Intent.GREETING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quiet hours by the recipient's state, and Florida's limit on texts the bots start in 24 hours. */
class StateTextingRulesTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 20:30 in Miami and Atlanta (both Eastern). */
    static final Instant EVENING = LocalDateTime.of(2026, 6, 10, 20, 30).atZone(NEW_YORK).toInstant();

    final ScriptedUnderstander understander = new ScriptedUnderstander();

    JorgeConversationPolicy policy(Map<String, String> settings) {
        return new JorgeConversationPolicy(BotSettings.fromSettings(settings), understander, new RuleBasedLeadScorer(),
                new TemplateReplyWriter(ReplyTemplates.load()));
    }

    Conversation lead(JorgeConversationPolicy policy, String id, String phone, Instant at) {
        Conversation c = new Conversation(policy, BotType.SELLER, id, NEW_YORK, at.minusSeconds(90));
        c.phone = phone;
        return c;
    }

    @Test
    void aFloridaNumberIsNotTextedAfter8pmWhileGeorgiaGetsItsReplyUntil9() {
        understander.when("hi").intent(GREETING);
        JorgeConversationPolicy policy = policy(Map.of("JORGE_BOTS_LOCATION_ZONES", "loc-1=America/New_York"));

        BotTurn miami = lead(policy, "fl", "+13055550100", EVENING).say("hi");
        BotTurn atlanta = lead(policy, "ga", "+14045550100", EVENING).say("hi");
        BotTurn tulsa = lead(policy, "ok", "(918) 555-0100", EVENING.plus(Duration.ofHours(1))).say("hi"); // 20:30 in Tulsa

        assertThat(miami.notBefore()).isEqualTo(LocalDateTime.of(2026, 6, 11, 8, 0).atZone(NEW_YORK).toInstant());
        assertThat(miami.heldBecause()).isEqualTo("quiet_hours_FL");
        assertThat(atlanta.notBefore()).isNull();
        assertThat(atlanta.heldBecause()).isNull();
        assertThat(tulsa.heldBecause()).isEqualTo("quiet_hours_OK");
    }

    @Test
    void theStateHoursAreConfigurableAndBadEntriesAreRefusedByName() {
        understander.when("hi").intent(GREETING);
        JorgeConversationPolicy relaxed = policy(Map.of("JORGE_BOTS_LOCATION_ZONES", "loc-1=America/New_York",
                "JORGE_BOTS_STATE_QUIET_HOURS", "FL=none,GA=19:00-09:00"));
        assertThat(lead(relaxed, "fl2", "+13055550100", EVENING).say("hi").notBefore()).isNull();
        assertThat(lead(relaxed, "ga2", "+14045550100", EVENING).say("hi").heldBecause()).isEqualTo("quiet_hours_GA");

        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_STATE_QUIET_HOURS", "Florida=20:00-08:00")))
                .hasMessageContaining("JORGE_BOTS_STATE_QUIET_HOURS");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_STATE_QUIET_HOURS", "FL=20:00")))
                .hasMessageContaining("JORGE_BOTS_STATE_QUIET_HOURS").hasMessageContaining("FL");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_STATE_TEXT_LIMIT", "FL=0")))
                .hasMessageContaining("JORGE_BOTS_STATE_TEXT_LIMIT");
    }

    @Test
    void inFloridaTheFourthTextTheBotsStartWithin24HoursWaitsAndSaysWhy() {
        understander.when("hi").intent(GREETING);
        Map<String, String> hourly = Map.of("JORGE_BOTS_LOCATION_ZONES", "loc-1=America/New_York",
                "JORGE_BOTS_FOLLOW_UP_DELAYS", "PT1H,PT1H,PT1H,PT1H", "JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS", "4");
        JorgeConversationPolicy policy = policy(hourly);
        FollowUpPlanner planner = new FollowUpPlanner(policy);
        Instant morning = LocalDateTime.of(2026, 6, 10, 9, 0).atZone(NEW_YORK).toInstant();
        Conversation fl = lead(policy, "fl3", "+13055550100", morning);
        Conversation ga = lead(policy, "ga3", "+14045550100", morning);
        for (Conversation c : new Conversation[] {fl, ga}) {
            c.say("hi");
            for (int i = 0; i < 3; i++) {
                assertThat(followUp(planner, c)).get().satisfies(t -> assertThat(t.notBefore()).isNull());
            }
        }
        Instant firstFollowUp = morning.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1));

        BotTurn fourth = followUp(planner, fl).orElseThrow();
        assertThat(fourth.heldBecause()).isEqualTo("FL_daily_text_limit");
        assertThat(fourth.notBefore()).isEqualTo(firstFollowUp.plus(Duration.ofHours(24)));
        assertThat(followUp(planner, ga).orElseThrow().notBefore()).isNull();
    }

    private static Optional<BotTurn> followUp(FollowUpPlanner planner, Conversation c) {
        c.now = c.state.lastReplyAt().plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1));
        Optional<BotTurn> turn = planner.followUp(c.context());
        turn.ifPresent(t -> c.state = t.nextState());
        return turn;
    }
}
