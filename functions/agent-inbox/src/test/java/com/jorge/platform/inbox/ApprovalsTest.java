package com.jorge.platform.inbox;

import com.jorge.platform.approvals.ApprovalPolicies;
import com.jorge.platform.approvals.ApprovalPolicy;
import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.offers.AgentNotices;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The location's approval policy, the approval records, their notices and their routes. */
class ApprovalsTest {

    private static InboxRig rig;
    private static String teamLead;
    private static String agent;
    private static String otherLocation;

    @BeforeAll
    static void start() {
        rig = new InboxRig("inbox-approvals");
        teamLead = rig.cognito.token(rig.person("team_lead", "lead-1", "loc-a"));
        agent = rig.cognito.token(rig.person("agent", "agent-7", "loc-a"));
        otherLocation = rig.cognito.token(rig.person("team_lead", "lead-b", "loc-b"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void thePolicyNamesEveryRuleAnActionMeetsAndCountsTheAutonomyRate() {
        var policies = new ApprovalPolicies(rig.metrics);
        LeadRef lead = new LeadRef("loc-p", "c-" + UUID.randomUUID());
        rig.db.inTransaction(c -> {
            policies.save(c, "loc-p", new ApprovalPolicy(true, new BigDecimal("750000"), 20, true, true));
            new AuditLog(PlatformJson.mapper()).record(c, lead, AuditLog.Actor.BOT, "llm_reply", Map.of());
            return null;
        });
        List<List<String>> rules = rig.db.inTransaction(c -> List.of(
                policies.rulesFor(c, "loc-p", lead, new ProposedAction.PriceOpinion()),
                policies.rulesFor(c, "loc-p", lead, new ProposedAction.ListingAppointment(new BigDecimal("900000"))),
                policies.rulesFor(c, "loc-p", lead, new ProposedAction.ListingAppointment(null)),
                policies.rulesFor(c, "loc-p", null, new ProposedAction.ListingAppointment(new BigDecimal("500000"))),
                policies.rulesFor(c, "loc-p", null, new ProposedAction.ReEngagement(21)),
                policies.rulesFor(c, "loc-p", null, new ProposedAction.ReEngagement(20)),
                policies.rulesFor(c, "loc-p", lead, new ProposedAction.LlmReply(true)),
                policies.rulesFor(c, "loc-p", lead, new ProposedAction.LlmReply(false)),
                policies.rulesFor(c, "loc-elsewhere", lead, new ProposedAction.LlmReply(false))));

        assertThat(rules.get(0)).containsExactly("price_opinion", "first_time_action");
        assertThat(rules.get(1)).contains("listing_appointment_above");
        assertThat(rules.get(2)).contains("listing_appointment_above"); // unknown value: ask
        assertThat(rules.get(3)).isEmpty();
        assertThat(rules.get(4)).containsExactly("reengage_more_than");
        assertThat(rules.get(5)).isEmpty();
        assertThat(rules.get(6)).containsExactly("guard_flagged_reply"); // the bot wrote replies for this lead before
        assertThat(rules.get(7)).isEmpty();
        assertThat(rules.get(8)).isEmpty(); // the default policy lets an unflagged reply go
        assertThat(rig.metrics.counter(ApprovalPolicies.BOT_ACTIONS, "autonomous")).isEqualTo(4);
        assertThat(rig.metrics.counter(ApprovalPolicies.BOT_ACTIONS, "needs_person")).isEqualTo(5);
    }

    @Test
    void aTeamLeadApprovesWhichAnswersTheWorkflowOnce() throws Exception {
        String[] approval = request("loc-a");
        assertThat(ids(rig.call("GET", "/inbox/api/approvals", agent, null))).doesNotContain(approval[0]);
        assertThat(ids(rig.call("GET", "/inbox/api/approvals", otherLocation, null))).doesNotContain(approval[0]);
        assertThat(ids(rig.call("GET", "/inbox/api/approvals", teamLead, null))).contains(approval[0]);
        assertThat(rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/approve", agent, null).getStatusCode()).isEqualTo(403);
        assertThat(rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/approve", otherLocation, null).getStatusCode()).isEqualTo(404);

        var approved = rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/approve", teamLead, null);
        var twice = rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/approve", teamLead, null);

        assertThat(approved.getStatusCode()).isEqualTo(200);
        assertThat(twice.getStatusCode()).isEqualTo(409);
        var answers = rig.sfn.calls().stream().filter(c -> c.body().path("taskToken").asText().equals(approval[1])).toList();
        assertThat(answers).singleElement().satisfies(c ->
                assertThat(PlatformJson.mapper().readTree(c.body().path("output").asText()).path("decision").asText()).isEqualTo("approved"));
    }

    @Test
    void aRejectionNeedsAReasonAndAReassignedApprovalIsTheAgentsToDecide() throws Exception {
        String[] approval = request("loc-a");
        assertThat(rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/reject", teamLead, "{}").getStatusCode()).isEqualTo(400);
        assertThat(rig.body(rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/reassign", teamLead,
                "{\"ghlUserId\":\"nobody\"}")).path("field").asText()).isEqualTo("ghlUserId");
        int texts = rig.ghl.smsTo("notify-agent-7").size();
        assertThat(rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/reassign", teamLead,
                "{\"ghlUserId\":\"agent-7\"}").getStatusCode()).isEqualTo(200);
        assertThat(rig.ghl.smsTo("notify-agent-7")).hasSize(texts + 1);
        assertThat(rig.ghl.smsTo("notify-agent-7").getLast())
                .isEqualTo("An approval was handed to you: https://inbox.example/inbox/#approval/" + approval[0]);
        assertThat(ids(rig.call("GET", "/inbox/api/approvals", agent, null))).contains(approval[0]);

        var rejected = rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/reject", agent, "{\"reason\":\"too early for a price\"}");

        assertThat(rejected.getStatusCode()).isEqualTo(200);
        assertThat(rig.body(rejected).path("approval").path("decisionReason").asText()).isEqualTo("too early for a price");
        var answers = rig.sfn.calls().stream().filter(c -> c.body().path("taskToken").asText().equals(approval[1])).toList();
        assertThat(answers).singleElement().satisfies(c ->
                assertThat(PlatformJson.mapper().readTree(c.body().path("output").asText()).path("decision").asText()).isEqualTo("rejected"));
    }

    @Test
    void anApprovalPastItsDeadlineIsGone() {
        String[] approval = request("loc-a");
        rig.sfn.expire(approval[1]);
        assertThat(rig.call("POST", "/inbox/api/approvals/" + approval[0] + "/approve", teamLead, null).getStatusCode()).isEqualTo(410);
    }

    @Test
    void eachRequestReachesItsPersonOnceOnTheLocationsChannelWithALinkAndNoLeadData() {
        rig.person("team_lead", "lead-n", "loc-n");
        rig.person("agent", "agent-n", "loc-n");
        rig.person("team_lead", "lead-m", "loc-m");
        rig.person("team_lead", "lead-q", "loc-q");
        rig.db.inTransaction(c -> {
            var settings = new AgentNotices(null, "");
            settings.setApprovalsUser(c, "loc-n", "agent-n");   // this location names its own approvals person
            settings.setChannel(c, "loc-m", AgentNotices.Channel.EMAIL);
            settings.setChannel(c, "loc-q", AgentNotices.Channel.OFF);
            return null;
        });
        int calls = rig.ghl.calls().size();

        String first = notice("loc-n", "lead-n", null);
        rig.function.approvalRequests().handle(first);
        rig.function.approvalRequests().handle(first); // SNS delivers it again
        rig.function.approvalRequests().handle(notice("loc-n", "lead-n", "lead-n")); // nobody answered: escalated
        rig.function.approvalRequests().handle(notice("loc-m", "lead-m", null));
        rig.function.approvalRequests().handle(notice("loc-q", "lead-q", null));

        var sent = rig.ghl.calls().subList(calls, rig.ghl.calls().size());
        assertThat(sent).hasSize(3);
        assertThat(rig.ghl.smsTo("notify-agent-n")).singleElement().satisfies(text ->
                // the whole text is the line and the link, so no lead data (contact c-n, the summary "Worth about $640k") can be in it;
                // checking for "640" anywhere flaked when the approval's random id happened to contain it
                assertThat(text).matches("The bot needs your approval: https://inbox\\.example/inbox/#approval/[0-9a-f-]{36}"));
        assertThat(rig.ghl.smsTo("notify-lead-n")).singleElement().satisfies(text ->
                assertThat(text).startsWith("An approval nobody answered waits for you: https://inbox.example/inbox/#approval/"));
        assertThat(sent).filteredOn(c -> "Email".equals(c.body().path("type").asText()))
                .singleElement().satisfies(c -> assertThat(c.body().path("contactId").asText()).isEqualTo("notify-lead-m"));
        assertThat(rig.ghl.smsTo("notify-lead-q")).isEmpty();
        // the escalation's row is the team lead's, as a reassignment would make it; the first request's is nobody's
        List<String> assignees = rig.db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT coalesce(assignee, '-') FROM approvals WHERE location_id = 'loc-n' ORDER BY created_at, assignee NULLS FIRST")) {
                List<String> found = new ArrayList<>();
                while (rs.next()) found.add(rs.getString(1));
                return found;
            }
        });
        assertThat(assignees).containsExactly("-", "lead-n");
    }

    /** An approval.request as the workflow publishes it; {@code assignee} only on the escalation. */
    private static String notice(String locationId, String teamLeadId, String assignee) {
        var m = PlatformJson.mapper().createObjectNode().put("type", "approval.request").put("locationId", locationId)
                .put("contactId", "c-n").put("kind", "price_opinion").put("summary", "Worth about $640k")
                .put("teamLeadId", teamLeadId).put("expiresInSeconds", 900)
                .put("taskToken", "tok-" + locationId + "-" + (assignee == null ? "first" : "escalated") + "-" + UUID.randomUUID());
        if (assignee != null) m.put("escalated", true).put("assignee", assignee);
        return m.toString();
    }

    private static String[] request(String locationId) {
        return rig.approvalWithToken(new LeadRef(locationId, "c-" + UUID.randomUUID()));
    }

    private static String ids(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).isEqualTo(200);
        return rig.body(response).path("approvals").toString();
    }
}
