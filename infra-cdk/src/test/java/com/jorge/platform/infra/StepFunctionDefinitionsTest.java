package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.infra.constructs.AslStateMachine;
import com.jorge.platform.infra.stacks.WorkflowNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ASL files: sound structure, Retry and Catch on every Task, and every service call granted to the machine's role. */
class StepFunctionDefinitionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SynthesizedPlatform prod;
    private static WorkflowGrants grants;

    @BeforeAll
    static void synth() {
        prod = SynthesizedPlatform.prod();
        Set<String> ids = new HashSet<>();
        prod.json.values().forEach(t -> t.path("Resources").fieldNames().forEachRemaining(ids::add));
        grants = new WorkflowGrants(ids);
    }

    private static Path file(WorkflowNames workflow) {
        return RepositoryLayout.discover().stateMachineDefinition(workflow.definitionFile());
    }

    @ParameterizedTest
    @EnumSource(WorkflowNames.class)
    void everyStateIsReachableEveryNextExistsAndEveryTaskRetriesAndCatches(WorkflowNames workflow) throws Exception {
        AslWorkflow asl = AslWorkflow.read(file(workflow));
        assertThat(asl.problems()).isEmpty();
        assertThat(asl.serviceCalls()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(WorkflowNames.class)
    void everyServiceTheDefinitionCallsIsGrantedToItsRole(WorkflowNames workflow) throws Exception {
        JsonNode template = prod.json("Workflows");
        JsonNode machine = TemplateJson.withProperty(template, "AWS::StepFunctions::StateMachine", "StateMachineName", workflow.stateMachineName());
        String role = machine.path("Properties").path("RoleArn").path("Fn::GetAtt").get(0).asText();
        List<JsonNode> statements = new ArrayList<>();
        TemplateJson.resources(template, "AWS::IAM::Policy").values().stream()
                .filter(p -> p.path("Properties").path("Roles").toString().contains("\"" + role + "\""))
                .forEach(p -> p.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add));

        JsonNode substitutions = machine.path("Properties").path("DefinitionSubstitutions");
        Set<String> given = new HashSet<>();
        substitutions.fieldNames().forEachRemaining(given::add);
        assertThat(given).isEqualTo(AslStateMachine.placeholders(file(workflow)));

        assertThat(grants.missing(AslWorkflow.read(file(workflow)), substitutions, statements)).isEmpty();
    }

    // ------------------------------------------------ the checks themselves catch what they claim to

    @Test
    void theStructureCheckReportsUnreachableStatesMissingTargetsAndTasksWithoutCatch() throws Exception {
        AslWorkflow broken = AslWorkflow.parse("broken", """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Arguments": {"TopicArn": "${T}"},
                        "Retry": [{"ErrorEquals": ["States.ALL"]}], "Next": "Nowhere"},
                  "Orphan": {"Type": "Succeed"}
                }}""");
        assertThat(broken.problems()).containsExactlyInAnyOrder(
                "broken/A: Next 'Nowhere' does not exist",
                "broken/A: Task without Catch",
                "broken/Orphan: unreachable from A");
    }

    @Test
    void theGrantCheckReportsALambdaTheRoleMayNotInvoke() throws Exception {
        AslWorkflow scoring = AslWorkflow.parse("scoring", """
                {"StartAt": "Score", "States": {
                  "Score": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "${ScoreFunctionArn}"},
                            "Retry": [{"ErrorEquals": ["States.ALL"]}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "Next": "Done"},
                  "Done": {"Type": "Succeed"}
                }}""");
        WorkflowGrants check = new WorkflowGrants(Set.of("ScoreFn1234", "OtherFn9876"));
        JsonNode substitutions = JSON.readTree("{\"ScoreFunctionArn\": {\"Fn::GetAtt\": [\"ScoreFn1234\", \"Arn\"]}}");
        JsonNode grantsOther = JSON.readTree("{\"Effect\": \"Allow\", \"Action\": \"lambda:InvokeFunction\", \"Resource\": {\"Fn::GetAtt\": [\"OtherFn9876\", \"Arn\"]}}");
        JsonNode grantsScore = JSON.readTree("{\"Effect\": \"Allow\", \"Action\": \"lambda:InvokeFunction\", \"Resource\": [{\"Fn::GetAtt\": [\"ScoreFn1234\", \"Arn\"]}]}");

        assertThat(check.missing(scoring, substitutions, List.of(grantsOther)))
                .containsExactly("Score: role lacks lambda:InvokeFunction on [ScoreFn1234]");
        assertThat(check.missing(scoring, substitutions, List.of(grantsOther, grantsScore))).isEmpty();
    }

    @Test
    void aDefinitionWithAPlaceholderNobodyFillsStopsTheSynth() throws Exception {
        Path definition = java.nio.file.Files.createTempFile("typo", ".asl.json");
        java.nio.file.Files.writeString(definition, "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"${QueueUrll}\", \"End\": true}}}");
        var app = new software.amazon.awscdk.App();
        var stack = new software.amazon.awscdk.Stack(app, "S");
        assertThatThrownBy(() -> new AslStateMachine(stack, "M", "m", definition, Map.of("QueueUrl", "q"),
                software.amazon.awscdk.services.logs.RetentionDays.ONE_WEEK))
                .hasMessageContaining("placeholders without a value [QueueUrll]")
                .hasMessageContaining("values without a placeholder [QueueUrl]");
    }
}
