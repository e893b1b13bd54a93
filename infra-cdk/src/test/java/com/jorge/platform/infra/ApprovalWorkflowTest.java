package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.InvalidConfigException;
import com.jorge.platform.infra.stacks.WorkflowNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The approval workflow's paths (issue 14): a person's answer within the deadline runs the action, a
 * rejection or the deadline sends the safe fallback, silence escalates to the team lead. Structure and
 * grants are checked for every workflow by {@link StepFunctionDefinitionsTest}; this walks the machine's
 * transitions for each way a person can answer (or not), as Step Functions would take them.
 */
class ApprovalWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode states;

    @BeforeAll
    static void read() throws Exception {
        states = JSON.readTree(RepositoryLayout.discover().stateMachineDefinition(WorkflowNames.APPROVAL.definitionFile()).toFile())
                .path("States");
    }

    /** How a waiting task ends: the person's answer, or an error (a timeout, a failure). */
    private record Outcome(String decision, String error) {
        static Outcome answered(String decision) {
            return new Outcome(decision, null);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error);
        }
    }

    /**
     * Follows the machine from {@code start}: a Task goes to Next on success, else to its first Catch that
     * names the error (or States.ALL); the Decided choice takes its branch when the decision the tasks left
     * equals the literal its condition compares with. Returns the states visited, the last one terminal.
     */
    private static List<String> walk(String start, Map<String, Outcome> outcomes) {
        List<String> path = new ArrayList<>();
        String decision = null;
        String current = start;
        while (true) {
            path.add(current);
            assertThat(path).as("no loop").hasSizeLessThan(30);
            JsonNode state = states.path(current);
            assertThat(state.isMissingNode()).as(current + " exists").isFalse();
            switch (state.path("Type").asText()) {
                case "Succeed", "Fail" -> {
                    return path;
                }
                case "Pass" -> {
                    JsonNode assigned = state.path("Assign").path("decision");
                    if (assigned.isTextual() && !assigned.asText().startsWith("{%")) decision = assigned.asText();
                    current = state.path("Next").asText();
                }
                case "Choice" -> {
                    String next = state.path("Default").asText();
                    for (JsonNode choice : state.path("Choices")) {
                        String condition = choice.path("Condition").asText();
                        assertThat(condition).as(current + " compares the decision with a literal").matches("\\{% \\$decision = '[a-z]+' %}");
                        if (condition.equals("{% $decision = '" + decision + "' %}")) {
                            next = choice.path("Next").asText();
                            break;
                        }
                    }
                    current = next;
                }
                case "Task" -> {
                    Outcome outcome = outcomes.getOrDefault(current, Outcome.answered(null));
                    if (outcome.error() == null) {
                        if (outcome.decision() != null) {
                            assertThat(state.path("Assign").path("decision").asText())
                                    .isEqualTo("{% $type($states.result.decision) = 'string' ? $states.result.decision : 'rejected' %}");
                            decision = outcome.decision();
                        }
                        current = state.path("Next").asText();
                    } else {
                        String next = null;
                        for (JsonNode c : state.path("Catch")) {
                            List<String> errors = new ArrayList<>();
                            c.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
                            if (errors.contains(outcome.error()) || errors.contains("States.ALL")) {
                                JsonNode assigned = c.path("Assign").path("decision");
                                if (assigned.isTextual()) decision = assigned.asText();
                                next = c.path("Next").asText();
                                break;
                            }
                        }
                        assertThat(next).as(current + " catches " + outcome.error()).isNotNull();
                        current = next;
                    }
                }
                default -> throw new AssertionError("unexpected state type at " + current);
            }
        }
    }

    @Test
    void anApprovalWithinTheDeadlineRunsTheAction() {
        assertThat(walk("PlanApproval", Map.of("AskLocation", Outcome.answered("approved"))))
                .containsExactly("PlanApproval", "AskLocation", "Decided", "RunApprovedAction", "Approved");
    }

    @Test
    void aRejectionSendsTheSafeFallback() {
        assertThat(walk("PlanApproval", Map.of("AskLocation", Outcome.answered("rejected"))))
                .containsExactly("PlanApproval", "AskLocation", "Decided", "MarkRejected", "SendFallback", "FellBack");
    }

    @Test
    void anAnswerTheWorkflowDoesNotKnowIsARejectionNeverAnApproval() {
        assertThat(walk("PlanApproval", Map.of("AskLocation", Outcome.answered("APPROVED"))))
                .contains("SendFallback").doesNotContain("RunApprovedAction");
    }

    @Test
    void silenceEscalatesToTheTeamLeadWhoseApprovalStillRunsTheAction() {
        assertThat(walk("PlanApproval", Map.of("AskLocation", Outcome.failed("States.Timeout"),
                "EscalateToTeamLead", Outcome.answered("approved"))))
                .containsExactly("PlanApproval", "AskLocation", "EscalateToTeamLead", "Decided", "RunApprovedAction", "Approved");
    }

    @Test
    void pastTheDeadlineTheLeadGetsTheFallbackMarkedExpired() {
        List<String> path = walk("PlanApproval", Map.of("AskLocation", Outcome.failed("States.Timeout"),
                "EscalateToTeamLead", Outcome.failed("States.Timeout")));
        assertThat(path).containsExactly("PlanApproval", "AskLocation", "EscalateToTeamLead", "SendFallback", "FellBack");
        JsonNode catchTimeout = states.path("EscalateToTeamLead").path("Catch").get(0);
        assertThat(catchTimeout.path("Assign").path("decision").asText()).isEqualTo("expired");
        assertThat(states.path("FellBack").path("Output").path("outcome").asText()).contains("'expired' ? 'EXPIRED'");
    }

    @Test
    void aBrokenNotificationOrQueueReachesOpsAndNeverRunsTheAction() {
        for (String failing : List.of("AskLocation", "EscalateToTeamLead", "RunApprovedAction", "SendFallback")) {
            Map<String, Outcome> outcomes = new java.util.HashMap<>(Map.of("AskLocation", Outcome.failed("States.Timeout"),
                    "EscalateToTeamLead", Outcome.answered(failing.equals("SendFallback") ? "rejected" : "approved")));
            outcomes.put(failing, Outcome.failed("States.TaskFailed"));
            List<String> path = walk("PlanApproval", outcomes);
            assertThat(path).as(failing).contains(failing).endsWith("ReportFailure", "ApprovalFailed").doesNotContain("Approved");
        }
    }

    @Test
    void theTimeoutsComeFromTheEnvironmentAndTheTeamLeadGetsWhatIsLeftOfTheDeadline() {
        JsonNode ask = states.path("AskLocation");
        JsonNode escalate = states.path("EscalateToTeamLead");
        assertThat(ask.path("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish.waitForTaskToken");
        assertThat(escalate.path("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish.waitForTaskToken");
        assertThat(ask.path("TimeoutSeconds").asText()).isEqualTo("{% ${ApprovalEscalateAfterSeconds} %}");
        assertThat(escalate.path("TimeoutSeconds").asText()).isEqualTo("{% ${ApprovalDeadlineSeconds} - ${ApprovalEscalateAfterSeconds} %}");
        // the inbox row expires when the workflow stops waiting for that token
        assertThat(ask.path("Arguments").path("Message").asText()).contains("'expiresInSeconds': ${ApprovalEscalateAfterSeconds}");
        assertThat(escalate.path("Arguments").path("Message").asText())
                .contains("'expiresInSeconds': ${ApprovalDeadlineSeconds} - ${ApprovalEscalateAfterSeconds}")
                .contains("'assignee': $teamLeadId").contains("'type': 'approval.request'");
        // both outcomes reach the worker in the lead's own message group, once per execution
        for (String send : List.of("RunApprovedAction", "SendFallback")) {
            JsonNode args = states.path(send).path("Arguments");
            assertThat(args.path("QueueUrl").asText()).isEqualTo("${LeadEventsQueueUrl}");
            assertThat(args.path("MessageGroupId").asText()).isEqualTo("{% $locationId & ':' & $contactId %}");
            assertThat(args.path("MessageDeduplicationId").asText()).isEqualTo("{% $states.context.Execution.Name & '-decided' %}");
            assertThat(args.path("MessageBody").asText()).contains("'type': 'approval.decided'").contains("'actionId': $actionId");
        }
        assertThat(states.path("RunApprovedAction").path("Arguments").path("MessageBody").asText()).contains("'decision': 'approved'");
        assertThat(states.path("SendFallback").path("Arguments").path("MessageBody").asText()).contains("'fallback': true");
    }

    @Test
    void prodDeploysTheApprovalWorkflowWithItsTimeouts() {
        SynthesizedPlatform prod = SynthesizedPlatform.prod();
        JsonNode machine = TemplateJson.withProperty(prod.json("Workflows"), "AWS::StepFunctions::StateMachine", "StateMachineName",
                WorkflowNames.APPROVAL.stateMachineName());
        JsonNode substitutions = machine.path("Properties").path("DefinitionSubstitutions");
        var workflows = prod.config.workflows();
        assertThat(substitutions.path("ApprovalEscalateAfterSeconds").asText()).isEqualTo(Integer.toString(workflows.approvalEscalateAfterSeconds()));
        assertThat(substitutions.path("ApprovalDeadlineSeconds").asText()).isEqualTo(Integer.toString(workflows.approvalDeadlineSeconds()));
        assertThat(workflows.approvalDeadlineSeconds()).isGreaterThan(workflows.approvalEscalateAfterSeconds());
    }

    @Test
    void aDeadlineThatLeavesTheTeamLeadNoTimeIsRefused() {
        assertThatThrownBy(() -> new EnvironmentSettings.Workflows(List.of(3600), 120, 300, 10, 600, 0.02, 1.5, 50, List.of(), "",
                900, 930))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("workflows.approvalDeadlineSeconds");
    }
}
