package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy's "anything the bot has never done for this contact" rule on listing appointments, through the
 * real worker (real PostgreSQL and Redis, the fake GHL's calendars, the real Step Functions client against a
 * stand-in): the first listing appointment waits for a person; once it was booked, the audit log names it
 * {@code listing_appointment} and the second one is booked at once. A first one a person rejected was never
 * done, so the next one waits again.
 */
class FirstListingAppointmentTest {

    private static final String APPROVAL = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-approval";
    private static final Instant FIRST_SLOT = Instant.parse("2026-11-26T16:00:00Z");

    /** Books a listing appointment on each text, a day later each time. */
    private static final ConversationPolicy LISTING_BOT = (context, message) -> {
        ConversationState next = context.state().withTurns(context.state().turns() + 1);
        Instant start = FIRST_SLOT.plus(Duration.ofDays(context.state().turns()));
        return new BotTurn(List.of(), List.of(new CrmAction.BookAppointment(AppointmentPurpose.LISTING, start,
                start.plus(Duration.ofHours(1)), "You're booked for the listing visit.", "That time was just taken.", null)), next);
    };

    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final StepFunctionsService aws = new StepFunctionsService();
    private StepFunctionsStandIn sfn;
    private WorkerTestRig rig;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        sfn = aws.standIn();
        clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
        rig = new WorkerTestRig(BotSuite.of(LISTING_BOT), clock, TestRedis.standaloneUrl(), Map.of(
                "APPROVAL_STATE_MACHINE_ARN", APPROVAL, "HANDOFF_TEAM_LEAD_ID", "lead-1",
                "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString(), "BOOKING_CALENDARS", "listing=cal-list",
                "APPROVAL_POLICY_FRESH_SECONDS", "0")); // a policy change applies at once
        rig.execute("INSERT INTO approval_policies (location_id, first_time_action) VALUES ('loc-a', true)");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theFirstListingAppointmentWaitsForAPersonAndTheSecondIsBookedAtOnce() throws Exception {
        String actionId = textAndExpectHeld("c-1");
        assertThat(rig.ghl.calendars().appointmentsOf("c-1")).isEmpty();

        rig.worker.messages().process(decided("c-1", actionId, "approved"), WorkflowMessage.APPROVAL_DECIDED, 0);
        assertThat(rig.ghl.calendars().appointmentsOf("c-1")).hasSize(1);
        assertThat(rig.text("SELECT detail ->> 'kind' FROM audit_log WHERE contact_id = 'c-1' AND action = 'crm_action'"))
                .isEqualTo("listing_appointment");

        Instant firstStart = rig.ghl.calendars().appointmentsOf("c-1").getFirst().start();

        clock.advance(Duration.ofMinutes(5));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", "c-1", "a day later suits me better", clock.instant()), 0);
        assertThat(sfn.calls("StartExecution")).hasSize(1);
        // booked at once: a second choice on the same calendar moves the appointment
        assertThat(rig.ghl.calendars().appointmentsOf("c-1")).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(firstStart.plus(Duration.ofDays(1))));
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'c-1' AND action = 'crm_action' "
                + "AND detail ->> 'kind' = 'listing_appointment'")).isEqualTo(2);
    }

    @Test
    void aFirstListingAppointmentThatWasRejectedWasNeverDoneSoTheNextWaitsAgain() throws Exception {
        String rejected = textAndExpectHeld("c-2");
        rig.worker.messages().process(decided("c-2", rejected, "rejected"), WorkflowMessage.APPROVAL_DECIDED, 0);
        assertThat(rig.ghl.calendars().appointmentsOf("c-2")).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        textAndExpectHeld("c-2");
        assertThat(rig.ghl.calendars().appointmentsOf("c-2")).isEmpty();
    }

    @Test
    void aListingAppointmentTheBotBookedBeforeTheRuleWasOnCountsAsDone() throws Exception {
        rig.execute("UPDATE approval_policies SET first_time_action = false WHERE location_id = 'loc-a'");
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", "c-3", "come and list my home", clock.instant()), 0);
        assertThat(rig.ghl.calendars().appointmentsOf("c-3")).hasSize(1);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'c-3' AND action LIKE 'approval%'")).isZero();

        Instant firstStart = rig.ghl.calendars().appointmentsOf("c-3").getFirst().start();

        rig.execute("UPDATE approval_policies SET first_time_action = true WHERE location_id = 'loc-a'");
        clock.advance(Duration.ofMinutes(5));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", "c-3", "a day later suits me better", clock.instant()), 0);
        assertThat(sfn.calls("StartExecution")).isEmpty();
        assertThat(rig.ghl.calendars().appointmentsOf("c-3")).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(firstStart.plus(Duration.ofDays(1))));

        textAndExpectHeld("c-4"); // another contact: still a first time
    }

    /** The lead texts; the turn's listing appointment is held for the first-time rule. Returns its action id. */
    private String textAndExpectHeld(String contactId) throws Exception {
        int before = sfn.calls("StartExecution").size();
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", contactId, "come and list my home", clock.instant()), 0);
        assertThat(sfn.calls("StartExecution")).hasSize(before + 1);
        JsonNode input = json.readTree(sfn.calls("StartExecution").get(before).body().path("input").asText());
        assertThat(input.path("kind").asText()).isEqualTo("listing_appointment");
        assertThat(input.path("rules")).extracting(JsonNode::asText).containsExactly("first_time_action");
        return input.path("actionId").asText();
    }

    private String decided(String contactId, String actionId, String decision) {
        return json.createObjectNode().put("type", "approval.decided").put("contactId", contactId)
                .put("locationId", "loc-a").put("actionId", actionId).put("kind", "listing_appointment")
                .put("decision", decision).put("decidedBy", "location")
                .put("execution", "arn:aws:states:us-east-1:111122223333:execution:jorge-approval:ap-" + actionId)
                .toString();
    }
}
