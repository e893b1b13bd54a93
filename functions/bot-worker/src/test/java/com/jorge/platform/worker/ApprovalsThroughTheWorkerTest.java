package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.approvals.ApprovalOutcomes;
import com.jorge.platform.worker.inbound.QueuedMessageReader.InvalidWorkflowMessageException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Approvals through the real worker (real PostgreSQL and Redis, the fake GHL API, the real Step Functions
 * client against a stand-in): a turn the location's policy holds back is stored but not sent, the approval
 * workflow is started once, and its approval.decided answer sends the held reply, or the safe fallback,
 * exactly once however often either message is delivered; a lead a person took over since gets nothing.
 */
class ApprovalsThroughTheWorkerTest {

    private static final String APPROVAL = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-approval";
    private static final String PRICE = "Homes like yours on your street sell for about $450,000.";
    private static final String ORDINARY = "Thanks! When would you like to move?";

    /** A bot that gives a price opinion when asked what a home is worth, and says so. */
    private static final ConversationPolicy PRICING_BOT = (context, message) -> {
        ConversationState next = context.state().withTurns(context.state().turns() + 1);
        if (message.body().contains("worth")) {
            return new BotTurn(List.of(PRICE), List.of(new CrmAction.AddTags(List.of("asked-value"))), next)
                    .withProposals(List.of(new ProposedAction.PriceOpinion()));
        }
        return new BotTurn(List.of(ORDINARY), List.of(), next);
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
        rig = new WorkerTestRig(BotSuite.of(PRICING_BOT), clock, TestRedis.standaloneUrl(), Map.of(
                "APPROVAL_STATE_MACHINE_ARN", APPROVAL, "HANDOFF_TEAM_LEAD_ID", "lead-1",
                "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString()));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aHeldPriceOpinionWaitsForThePersonAndGoesOutOnceApproved() throws Exception {
        String inbound = GhlWebhooks.inboundSms("loc-a", "c-1", "what is my house worth?", clock.instant());
        rig.worker.messages().process(inbound, 0);
        rig.worker.messages().process(inbound, 0); // SQS delivers the decision's event again

        assertThat(rig.ghl.smsTo("c-1")).isEmpty();
        assertThat(rig.count("SELECT count(*) FROM messages WHERE contact_id = 'c-1' AND status = 'awaiting_approval'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM crm_actions WHERE contact_id = 'c-1' AND status = 'awaiting_approval'")).isEqualTo(1);
        List<StepFunctionsStandIn.Call> starts = sfn.calls("StartExecution");
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).body().path("stateMachineArn").asText()).isEqualTo(APPROVAL);
        JsonNode input = json.readTree(starts.get(0).body().path("input").asText());
        String actionId = input.path("actionId").asText();
        assertThat(starts.get(0).body().path("name").asText()).isEqualTo("ap-" + actionId);
        assertThat(input.path("kind").asText()).isEqualTo("price_opinion");
        assertThat(input.path("rules")).extracting(JsonNode::asText).containsExactly("price_opinion");
        assertThat(input.path("teamLeadId").asText()).isEqualTo("lead-1");
        assertThat(input.path("summary").asText()).contains(PRICE);
        assertThat(rig.metrics.counter(PlatformMetrics.BOT_ACTIONS, "needs_person")).isEqualTo(2); // the reply and the tag

        String decided = decided("loc-a", "c-1", actionId, "approved");
        rig.worker.messages().process(decided, WorkflowMessage.APPROVAL_DECIDED, 0);
        rig.worker.messages().process(decided, WorkflowMessage.APPROVAL_DECIDED, 0); // and the answer again

        assertThat(rig.ghl.smsTo("c-1")).containsExactly(PRICE);
        assertThat(rig.metrics.counter(PlatformMetrics.APPROVAL_OUTCOMES, "approved")).isEqualTo(1);
        assertThat(rig.ghl.callsFor("c-1")).filteredOn(c -> c.path().endsWith("/tags")).hasSize(1);
        assertThat(rig.text("SELECT status FROM held_actions WHERE action_id = '" + actionId + "'")).isEqualTo("released");
        assertThat(rig.text("SELECT status FROM webhook_events WHERE contact_id = 'c-1'")).isEqualTo("done");
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'c-1' AND action = 'approval_approved'")).isEqualTo(1);
    }

    @Test
    void anOrdinaryReplyGoesOutAtOnceAndCountsAsAutonomous() throws Exception {
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", "c-2", "hello", clock.instant()), 0);

        assertThat(rig.ghl.smsTo("c-2")).containsExactly(ORDINARY);
        assertThat(sfn.calls("StartExecution")).isEmpty();
        assertThat(rig.count("SELECT count(*) FROM held_actions")).isZero();
        assertThat(rig.metrics.counter(PlatformMetrics.BOT_ACTIONS, "autonomous")).isEqualTo(1);
        assertThat(rig.metrics.counter(PlatformMetrics.BOT_ACTIONS, "needs_person")).isZero();
    }

    @Test
    void aLocationWhosePolicyAllowsPriceOpinionsIsNotAsked() throws Exception {
        rig.execute("INSERT INTO approval_policies (location_id, price_opinion) VALUES ('loc-free', false)");
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-free", "c-3", "what is my house worth?", clock.instant()), 0);

        assertThat(rig.ghl.smsTo("c-3")).containsExactly(PRICE);
        assertThat(sfn.calls("StartExecution")).isEmpty();
    }

    @Test
    void aRejectionOrTheDeadlineSendsTheSafeFallbackOnceInsteadOfTheHeldReply() throws Exception {
        String rejected = holdFor("c-4");
        String expired = holdFor("c-5");

        for (int i = 0; i < 2; i++) {
            rig.worker.messages().process(decided("loc-a", "c-4", rejected, "rejected"), WorkflowMessage.APPROVAL_DECIDED, 0);
            rig.worker.messages().process(decided("loc-a", "c-5", expired, "expired"), WorkflowMessage.APPROVAL_DECIDED, 0);
        }

        assertThat(rig.ghl.smsTo("c-4")).containsExactly(ApprovalOutcomes.FallbackReplies.DEFAULT.english());
        assertThat(rig.ghl.smsTo("c-5")).containsExactly(ApprovalOutcomes.FallbackReplies.DEFAULT.english());
        assertThat(rig.ghl.callsFor("c-4")).filteredOn(c -> c.path().endsWith("/tags")).isEmpty();
        assertThat(rig.count("SELECT count(*) FROM messages WHERE contact_id = 'c-4' AND status = 'cancelled'")).isEqualTo(1);
        assertThat(rig.text("SELECT status FROM held_actions WHERE action_id = '" + expired + "'")).isEqualTo("fell_back");
    }

    @Test
    void aLeadAPersonTookOverSinceGetsNeitherTheHeldReplyNorTheFallback() throws Exception {
        String approved = holdFor("c-6");
        String rejected = holdFor("c-7");
        clock.advance(Duration.ofMinutes(2));
        rig.worker.messages().process(GhlWebhooks.humanReply("loc-a", "c-6", "Hi, this is Anna from the team", clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.dndUpdate("loc-a", "c-7", true, clock.instant()), 0);

        rig.worker.messages().process(decided("loc-a", "c-6", approved, "approved"), WorkflowMessage.APPROVAL_DECIDED, 0);
        rig.worker.messages().process(decided("loc-a", "c-7", rejected, "rejected"), WorkflowMessage.APPROVAL_DECIDED, 0);

        assertThat(rig.ghl.smsTo("c-6")).isEmpty();
        assertThat(rig.ghl.smsTo("c-7")).isEmpty();
        assertThat(rig.text("SELECT status FROM held_actions WHERE action_id = '" + approved + "'")).isEqualTo("dropped");
        assertThat(rig.text("SELECT detail ->> 'reason' FROM audit_log WHERE contact_id = 'c-6' AND action = 'approval_dropped'"))
                .isEqualTo("a human is handling the conversation");
        assertThat(rig.text("SELECT detail ->> 'reason' FROM audit_log WHERE contact_id = 'c-7' AND action = 'approval_dropped'"))
                .isIn("contact is DND", "lead opted out"); // GHL's DND is also an opt-out for the bots
    }

    @Test
    void nothingGoesToALeadOfALocationThatRemovedTheAppSince() throws Exception {
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-u", "c-u", "what is my house worth?", clock.instant()), 0);
        String actionId = json.readTree(sfn.calls("StartExecution").getLast().body().path("input").asText()).path("actionId").asText();
        rig.execute("INSERT INTO ghl_installations (resource_id, user_type, status) VALUES ('loc-u', 'Location', 'uninstalled')");

        rig.worker.messages().process(decided("loc-u", "c-u", actionId, "rejected"), WorkflowMessage.APPROVAL_DECIDED, 0);

        assertThat(rig.ghl.smsTo("c-u")).isEmpty();
        assertThat(rig.text("SELECT detail ->> 'reason' FROM audit_log WHERE contact_id = 'c-u' AND action = 'approval_dropped'"))
                .isEqualTo("app uninstalled");
    }

    @Test
    void anApprovalWorkflowThatCouldNotBeStartedIsStartedByTheEventsRedelivery() throws Exception {
        sfn.failNextStarts(1);
        String inbound = GhlWebhooks.inboundSms("loc-a", "c-8", "what is my house worth?", clock.instant());
        assertThatThrownBy(() -> rig.worker.messages().process(inbound, 0)).isInstanceOf(RuntimeException.class);
        assertThat(rig.text("SELECT status FROM webhook_events WHERE contact_id = 'c-8'")).isEqualTo("decided");

        rig.worker.messages().process(inbound, 0);
        rig.worker.messages().process(inbound, 0);

        assertThat(sfn.calls("StartExecution")).hasSize(2); // the refused one and the one that started it
        assertThat(rig.count("SELECT count(*) FROM held_actions WHERE contact_id = 'c-8' AND started_at IS NOT NULL")).isEqualTo(1);
        assertThat(rig.text("SELECT status FROM webhook_events WHERE contact_id = 'c-8'")).isEqualTo("done");
        assertThat(rig.ghl.smsTo("c-8")).isEmpty();
    }

    @Test
    void anAnswerForAnActionOfAnotherLeadReleasesNothing() throws Exception {
        String actionId = holdFor("c-9");
        rig.worker.messages().process(decided("loc-a", "c-other", actionId, "approved"), WorkflowMessage.APPROVAL_DECIDED, 0);
        assertThat(rig.ghl.smsTo("c-9")).isEmpty();
        assertThat(rig.ghl.smsTo("c-other")).isEmpty();
        assertThatThrownBy(() -> rig.worker.messages().process(decided("loc-a", "c-9", actionId, "maybe"),
                WorkflowMessage.APPROVAL_DECIDED, 0)).isInstanceOf(InvalidWorkflowMessageException.class)
                .hasMessageContaining("decision");
        // an id that is no action's (the worker's are UUIDs) is refused by name, before any query
        assertThatThrownBy(() -> rig.worker.messages().process(decided("loc-a", "c-9", "act-77", "approved"),
                WorkflowMessage.APPROVAL_DECIDED, 0)).isInstanceOf(InvalidWorkflowMessageException.class)
                .hasMessageContaining("actionId");
        assertThat(rig.text("SELECT status FROM held_actions WHERE action_id = '" + actionId + "'")).isEqualTo("awaiting_approval");
    }

    /** Holds a price opinion for the contact; returns its action id. */
    private String holdFor(String contactId) throws Exception {
        int before = sfn.calls("StartExecution").size();
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", contactId, "what is my house worth?", clock.instant()), 0);
        assertThat(sfn.calls("StartExecution")).hasSize(before + 1);
        return json.readTree(sfn.calls("StartExecution").get(before).body().path("input").asText()).path("actionId").asText();
    }

    /** What the approval workflow's RunApprovedAction / SendFallback states put on the queue. */
    private String decided(String locationId, String contactId, String actionId, String decision) {
        return json.createObjectNode().put("type", "approval.decided").put("contactId", contactId)
                .put("locationId", locationId).put("actionId", actionId).put("kind", "price_opinion")
                .put("decision", decision).put("decidedBy", "location")
                .put("execution", "arn:aws:states:us-east-1:111122223333:execution:jorge-approval:ap-" + actionId)
                .toString();
    }
}
