package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import static com.jorge.platform.understanding.Intent.GREETING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The states whose telemarketing hours are stricter than the federal 08:00-21:00 (state-texting-rules.txt),
 * read from the phone's area code: a reply due outside the state's hours waits for them and says why,
 * and the same moment in a state without rules of its own goes out.
 */
class StateSendingHoursTest {

    final ScriptedUnderstander understander = new ScriptedUnderstander();

    /**
     * A text at {@code local} (the lead's and the location's zone) to {@code phone} waits until {@code until}
     * ("now": not held) because of {@code reason}.
     */
    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            // Washington, Maryland: 08:00-20:00; Georgia has no rule of its own
            "WA|+12065550100|America/Los_Angeles|2026-06-10T20:30|2026-06-11T08:00|quiet_hours_WA",
            "MD|+14105550100|America/New_York|2026-06-10T20:15|2026-06-11T08:00|quiet_hours_MD",
            "GA|+14045550100|America/New_York|2026-06-10T20:15|now|",
            // Connecticut: 09:00-20:00
            "CT|+12035550100|America/New_York|2026-06-10T08:30|2026-06-10T09:00|quiet_hours_CT",
            "CT|+18605550100|America/New_York|2026-06-10T19:59|now|",
            // Texas: 09:00-21:00, Sunday from noon (2026-06-14 is a Sunday)
            "TX|+12145550100|America/Chicago|2026-06-14T10:00|2026-06-14T12:00|quiet_hours_TX",
            "TX|+15125550100|America/Chicago|2026-06-13T08:30|2026-06-13T09:00|quiet_hours_TX",
            "TX|+15125550100|America/Chicago|2026-06-13T10:00|now|",
            // Rhode Island: no texts on Sunday, Monday from 09:00
            "RI|+14015550100|America/New_York|2026-06-14T11:00|2026-06-15T09:00|quiet_hours_RI",
            // Florida's panhandle (850) is Central: 20:00 there
            "FL|+18505550100|America/Chicago|2026-06-10T20:05|2026-06-11T08:00|quiet_hours_FL",
            // the team's own quiet hours still apply where a state is laxer than them, or has no rule
            "IL|+13125550100|America/Chicago|2026-06-10T21:30|2026-06-11T08:00|quiet_hours"})
    void aReplyWaitsForTheRecipientsStateHours(String state, String phone, String zone, String local, String until, String reason) {
        understander.when("hi").intent(GREETING);
        ZoneId z = ZoneId.of(zone);
        JorgeConversationPolicy policy = new JorgeConversationPolicy(
                BotSettings.fromSettings(Map.of("JORGE_BOTS_LOCATION_ZONES", "loc-1=" + zone)), understander,
                new RuleBasedLeadScorer(), new TemplateReplyWriter(ReplyTemplates.load()));
        Instant at = LocalDateTime.parse(local).atZone(z).toInstant();
        Conversation c = new Conversation(policy, BotType.SELLER, "lead-" + state + phone, z, at.minus(Duration.ofSeconds(90)));
        c.phone = phone;

        BotTurn turn = c.say("hi");

        assertThat(turn.replies()).hasSize(1);
        if (until.equals("now")) {
            assertThat(turn.notBefore()).isNull();
            assertThat(turn.heldBecause()).isNull();
        } else {
            assertThat(turn.notBefore()).isEqualTo(LocalDateTime.parse(until).atZone(z).toInstant());
            assertThat(turn.heldBecause()).isEqualTo(reason);
        }
    }
}
