package com.jorge.platform.worker;

import com.jorge.platform.worker.lambda.WorkerFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.handoff.HandoffResults;
import com.jorge.platform.worker.inbound.QueuedMessageReader.InvalidWorkflowMessageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * The worker with the Step Functions workflows configured (the real SDK client against a local stand-in):
 * the bot's question starts lead-nurture, each nurture.step sends at most one follow-up and answers the
 * token, and hot-lead-handoff decides who owns a hot lead.
 */
class WorkflowsThroughTheWorkerTest {

    private static final String NURTURE = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-lead-nurture";
    private static final String HANDOFF = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-hot-lead-handoff";
    private static BotSuite jorge;
    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final StepFunctionsService aws = new StepFunctionsService();
    private StepFunctionsStandIn sfn;
    private WorkerTestRig rig;
    private MutableClock clock;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @BeforeEach
    void start() throws Exception {
        sfn = aws.standIn();
        clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z")); // 11:00 in Austin
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), Map.of(
                "NURTURE_STATE_MACHINE_ARN", NURTURE, "HANDOFF_STATE_MACHINE_ARN", HANDOFF,
                "HANDOFF_AGENT_IDS", "agent-7, agent-8", "HANDOFF_TEAM_LEAD_ID", "lead-1",
                "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString()));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theBotsQuestionStartsOneFollowUpScheduleAndEachStepSendsOneTextAtMost() throws Exception {
        String inbound = GhlWebhooks.inboundSms("loc-tx", "quiet", "thinking about selling my house", clock.instant());
        rig.worker.messages().process(inbound, 0);
        rig.worker.messages().process(inbound, 0); // SQS delivers it again
        assertThat(rig.ghl.smsTo("quiet")).hasSize(1);
        List<StepFunctionsStandIn.Call> starts = sfn.calls("StartExecution");
        assertThat(starts).hasSize(1);
        JsonNode input = json.readTree(starts.get(0).body().path("input").asText());
        assertThat(starts.get(0).body().path("stateMachineArn").asText()).isEqualTo(NURTURE);
        assertThat(input.path("contactId").asText()).isEqualTo("quiet");
        assertThat(input.path("quietSince").asText()).isEqualTo(clock.instant().toString());
        assertThat(input.path("waitSeconds")).extracting(JsonNode::asLong)
                .containsExactly(Duration.ofDays(1).toSeconds(), Duration.ofDays(3).toSeconds(), Duration.ofDays(7).toSeconds());
        String execution = NURTURE.replace(":stateMachine:", ":execution:") + ":" + starts.get(0).body().path("name").asText();

        clock.advance(Duration.ofDays(2));
        assertThat(rig.worker.followUps().composer().policy()).as("the workflow keeps the schedule, not the sweep")
                .isSameAs(FollowUpPolicy.NONE);

        String step1 = nurtureStep("quiet", 1, "token-1", execution, input.path("quietSince").asText());
        rig.worker.messages().process(step1, 0);
        rig.worker.messages().process(step1, 0); // a redelivered step
        assertThat(rig.ghl.smsTo("quiet")).as("one follow-up for the step, however often it is delivered").hasSize(2);
        assertThat(outcomes()).containsExactly("token-1=SENT", "token-1=SENT");
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'quiet' AND action = 'follow_up'")).isEqualTo(1);

        // the lead answers: the bot replies and a new schedule starts; the old one stops at its next step
        clock.advance(Duration.ofHours(2));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "quiet", "sorry, busy month. relocating in spring",
                clock.instant()), 0);
        assertThat(rig.ghl.smsTo("quiet")).hasSize(3);
        assertThat(sfn.calls("StartExecution")).hasSize(2);
        clock.advance(Duration.ofDays(3));
        rig.worker.messages().process(nurtureStep("quiet", 2, "token-2", execution, input.path("quietSince").asText()), 0);
        assertThat(outcomes()).last().isEqualTo("token-2=REPLIED");
        assertThat(rig.ghl.smsTo("quiet")).hasSize(3);
    }

    @Test
    void aStepForAnOptedOutLeadSendsNothingAndALateAnswerIsNotAnError() throws Exception {
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "gone", "thinking about selling", clock.instant()), 0);
        String quietSince = clock.instant().toString();
        clock.advance(Duration.ofMinutes(5));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "gone", "STOP", clock.instant()), 0);
        int texts = rig.ghl.smsTo("gone").size();
        sfn.expire("token-late");
        clock.advance(Duration.ofDays(1));
        rig.worker.messages().process(nurtureStep("gone", 1, "token-late", "arn:aws:states:us-east-1:111122223333:execution:jorge-lead-nurture:fu-x",
                quietSince), 0);
        assertThat(rig.ghl.smsTo("gone")).hasSize(texts);
        assertThat(outcomes()).containsExactly("token-late=OPTED_OUT");
    }

    @Test
    void aHotLeadIsOfferedToTheAgentsAndBelongsToWhoeverTakesIt() throws Exception {
        for (String text : new String[] {"Hi! We're pre-approved with Chase for 450k and ready to buy",
                "Round Rock or Cedar Park", "3 bed 2 bath", "We'd like to move within 2 months"}) {
            clock.advance(Duration.ofMinutes(3));
            rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "priya", text, clock.instant()), 0);
        }
        List<JsonNode> handoffs = sfn.calls("StartExecution").stream().map(StepFunctionsStandIn.Call::body)
                .filter(b -> b.path("stateMachineArn").asText().equals(HANDOFF)).toList();
        assertThat(handoffs).hasSize(1);
        JsonNode input = json.readTree(handoffs.get(0).path("input").asText());
        assertThat(input.path("agents")).extracting(JsonNode::asText).containsExactly("agent-7", "agent-8");
        assertThat(input.path("teamLeadId").asText()).isEqualTo("lead-1");
        assertThat(input.path("reason").asText()).isNotBlank();
        assertThat(assignments("priya")).as("nobody owns the lead before an agent takes it").isEmpty();

        String execution = HANDOFF.replace(":stateMachine:", ":execution:") + ":" + handoffs.get(0).path("name").asText();
        String accepted = json.createObjectNode().put("type", "handoff.accepted").put("contactId", "priya")
                .put("locationId", "loc-tx").put("agentId", "agent-8").put("execution", execution).toString();
        rig.worker.messages().process(accepted, 0);
        rig.worker.messages().process(accepted, 0);
        assertThat(assignments("priya")).allMatch(a -> a.equals("agent-8")).isNotEmpty();
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'priya' AND action = 'handoff_accepted'"))
                .as("recorded once").isEqualTo(1);
    }

    @Test
    void anUnclaimedLeadIsTaggedForTheTeam() throws Exception {
        String unclaimed = json.createObjectNode().put("type", "handoff.unclaimed").put("contactId", "nobody")
                .put("locationId", "loc-tx").put("execution", "arn:aws:states:us-east-1:1:execution:jorge-hot-lead-handoff:ho-1")
                .set("agentsTried", json.createArrayNode().add("agent-7").add("lead-1")).toString();
        rig.worker.messages().process(unclaimed, 0);
        assertThat(rig.ghl.callsFor("nobody").stream().map(c -> c.body().toString()))
                .anyMatch(b -> b.contains(HandoffResults.UNCLAIMED_TAG));
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'nobody' AND action = 'handoff_unclaimed'")).isEqualTo(1);
    }

    @Test
    void aBrokenWorkflowMessageFailsNamingTheFieldAndChangesNothing() throws Exception {
        String noToken = json.createObjectNode().put("type", "nurture.step").put("contactId", "quiet").put("locationId", "loc-tx")
                .put("step", 1).put("steps", 3).put("execution", "arn:x").toString();
        assertThatThrownBy(() -> rig.worker.messages().process(noToken, 0))
                .isInstanceOf(InvalidWorkflowMessageException.class).hasMessageContaining("taskToken");
        String hostileId = json.createObjectNode().put("type", "handoff.accepted").put("contactId", "x'; DROP TABLE contacts;--")
                .put("locationId", "loc-tx").put("agentId", "a").put("execution", "arn:x").toString();
        assertThatThrownBy(() -> rig.worker.messages().process(hostileId, 0)).hasMessageContaining("contactId");
        String stepPastEnd = json.createObjectNode().put("type", "nurture.step").put("contactId", "quiet").put("locationId", "loc-tx")
                .put("step", 4).put("steps", 3).put("taskToken", "t").put("execution", "arn:x").toString();
        assertThatThrownBy(() -> rig.worker.messages().process(stepPastEnd, 0)).hasMessageContaining("step");
        assertThat(rig.count("SELECT count(*) FROM audit_log")).isZero();
        assertThat(sfn.calls("SendTaskSuccess")).isEmpty();
    }

    @Test
    void aHandoffWorkflowWithoutAgentsIsAConfigurationErrorNamingTheKeys() {
        assertThatThrownBy(() -> new WorkerTestRig(jorge, clock, null, Map.of("HANDOFF_STATE_MACHINE_ARN", HANDOFF)))
                .hasMessageContaining("HANDOFF_AGENT_IDS").hasMessageContaining("HANDOFF_TEAM_LEAD_ID");
    }

    private String nurtureStep(String contact, int step, String token, String execution, String quietSince) {
        return json.createObjectNode().put("type", "nurture.step").put("contactId", contact).put("locationId", "loc-tx")
                .put("step", step).put("steps", 3).put("taskToken", token).put("execution", execution)
                .put("quietSince", quietSince).toString();
    }

    private List<String> outcomes() {
        return sfn.calls("SendTaskSuccess").stream().map(c -> c.body().path("taskToken").asText() + "="
                + readOutcome(c.body().path("output").asText())).toList();
    }

    private String readOutcome(String output) {
        try {
            return json.readTree(output).path("outcome").asText();
        } catch (Exception e) {
            throw new AssertionError(output, e);
        }
    }

    private List<String> assignments(String contact) {
        return rig.ghl.callsFor(contact).stream().filter(c -> c.method().equals("PUT") && c.body() != null
                && c.body().has("assignedTo")).map(c -> c.body().path("assignedTo").asText()).toList();
    }
}
