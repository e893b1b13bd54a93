package com.jorge.platform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.queue.QueuedLeadEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local approval workflow's side of its contracts (step-functions/README), through the real Step Functions
 * client: what it publishes to the AgentNotifications topic and puts on lead-events.fifo for each answer, and
 * the service's errors (a repeated start, an unknown machine, a token nobody waits for).
 */
class LocalApprovalWorkflowApiTest {

    private static final String INPUT = "{\"locationId\":\"loc-1\",\"contactId\":\"c-1\",\"kind\":\"price_opinion\","
            + "\"summary\":\"price opinion\",\"rules\":[\"price_opinion\"],\"teamLeadId\":\"lead-1\",\"actionId\":\"act-1\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<QueuedLeadEvent> queued = new CopyOnWriteArrayList<>();
    private LocalApprovalWorkflow workflow;
    private SfnClient sfn;

    @BeforeEach
    void start() {
        workflow = new LocalApprovalWorkflow(new LocalApprovalWorkflow.Settings(Duration.ofMinutes(10), Duration.ofMinutes(30)),
                Clock.systemUTC());
        workflow.connect(queued::add, published::add);
        sfn = SfnClient.builder().endpointOverride(workflow.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @AfterEach
    void stop() {
        sfn.close();
        workflow.close();
    }

    @Test
    void aStartAsksTheLocationOnceAndAnApprovalReachesTheWorkerOnce() throws Exception {
        String arn = start("ap-act-1", INPUT);
        assertThat(arn).isEqualTo(LocalApprovalWorkflow.STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":ap-act-1");
        assertThatThrownBy(() -> start("ap-act-1", INPUT)).isInstanceOf(ExecutionAlreadyExistsException.class);

        assertThat(published).hasSize(1);
        JsonNode request = json.readTree(published.get(0));
        assertThat(request.path("type").asText()).isEqualTo("approval.request");
        assertThat(request.path("teamLeadId").asText()).isEqualTo("lead-1");
        assertThat(request.path("expiresInSeconds").asLong()).isEqualTo(600);
        assertThat(request.path("rules")).extracting(JsonNode::asText).containsExactly("price_opinion");
        assertThat(request.has("assignee")).isFalse();
        String token = request.path("taskToken").asText();

        sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"decision\":\"approved\"}"));
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"decision\":\"rejected\"}")))
                .isInstanceOf(TaskTimedOutException.class);

        assertThat(queued).singleElement().satisfies(event -> {
            assertThat(event.groupId()).isEqualTo("loc-1:c-1");
            assertThat(event.deduplicationId()).isEqualTo("ap-act-1-decided");
            assertThat(event.eventType()).isEqualTo("approval.decided");
            JsonNode body = read(event.body());
            assertThat(body.path("decision").asText()).isEqualTo("approved");
            assertThat(body.path("decidedBy").asText()).isEqualTo("location");
            assertThat(body.path("actionId").asText()).isEqualTo("act-1");
            assertThat(body.path("execution").asText()).isEqualTo(arn);
            assertThat(body.has("fallback")).isFalse();
        });
    }

    @Test
    void anythingButAnExplicitApprovalIsARejectionWithTheFallback() throws Exception {
        start("ap-act-2", INPUT);
        String token = json.readTree(published.get(0)).path("taskToken").asText();
        sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"decision\":\"maybe\"}"));

        JsonNode body = read(queued.getFirst().body());
        assertThat(body.path("decision").asText()).isEqualTo("rejected");
        assertThat(body.path("fallback").asBoolean()).isTrue();
    }

    @Test
    void aFailureAnswerABadInputAndAnUnknownMachineSendNothing() throws Exception {
        start("ap-act-3", INPUT);
        String token = json.readTree(published.get(0)).path("taskToken").asText();
        sfn.sendTaskFailure(r -> r.taskToken(token).error("Approval.Withdrawn"));
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"decision\":\"approved\"}")))
                .isInstanceOf(TaskTimedOutException.class);

        start("ap-bad", "{\"locationId\":\"loc-1\",\"contactId\":\"c-1\",\"kind\":\"price_opinion\"}");
        start("ap-long", INPUT.replace("price opinion", "x".repeat(1001)));
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(
                "arn:aws:states:us-east-1:000000000000:stateMachine:jorge-hot-lead-handoff").name("ho-1").input(INPUT)))
                .isInstanceOf(StateMachineDoesNotExistException.class);

        assertThat(published).hasSize(1); // only ap-act-3's request
        assertThat(queued).isEmpty();
    }

    private String start(String name, String input) {
        return sfn.startExecution(r -> r.stateMachineArn(LocalApprovalWorkflow.STATE_MACHINE_ARN).name(name).input(input))
                .executionArn();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
