package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.RepositoryLayout;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import com.jorge.platform.infra.constructs.AslStateMachine;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The four workflows, each an ASL file from step-functions/ with its resources substituted in, and the
 * grants each needs, no more: the queue and topics they send to, the registry and model prefixes of the
 * model bucket, and CloudWatch metric reads for the model comparison.
 */
public final class WorkflowsStack extends Stack {
    private final Topic agentNotifications;
    private final Map<WorkflowNames, StateMachine> machines = new EnumMap<>(WorkflowNames.class);

    public WorkflowsStack(Construct scope, String id, StackProps props, EnvironmentSettings config, RepositoryLayout layout,
                          DataStack data, FunctionsStack functions, AlertingStack alerting) {
        super(scope, id, props);
        addStackDependency(data);
        addStackDependency(functions);
        addStackDependency(alerting);
        var workflows = config.workflows();
        var logRetention = LogRetention.days(config.logRetentionDays(), "logRetentionDays");

        agentNotifications = Topic.Builder.create(this, "AgentNotifications")
                .displayName("Jorge hot lead offers and approvals")
                .masterKey(alerting.key())
                .enforceSsl(true)
                .build();

        String queueUrl = functions.leadEvents().getQueueUrl();
        String opsTopic = alerting.opsAlerts().getTopicArn();

        StateMachine nurture = machine(WorkflowNames.LEAD_NURTURE, layout, logRetention, Map.of(
                "LeadEventsQueueUrl", queueUrl,
                "OpsAlertsTopicArn", opsTopic,
                "NurtureWaitSeconds", workflows.nurtureWaitSeconds().stream().map(String::valueOf).collect(Collectors.joining(","))));
        functions.leadEvents().grantSendMessages(nurture);
        alerting.opsAlerts().grantPublish(nurture);
        suppressTopicKeyWildcard(nurture);

        StateMachine handoff = machine(WorkflowNames.HOT_LEAD_HANDOFF, layout, logRetention, Map.of(
                "LeadEventsQueueUrl", queueUrl,
                "OpsAlertsTopicArn", opsTopic,
                "AgentNotificationsTopicArn", agentNotifications.getTopicArn(),
                "HandoffAcceptTimeoutSeconds", Integer.toString(workflows.handoffAcceptTimeoutSeconds()),
                "TeamLeadAcceptTimeoutSeconds", Integer.toString(workflows.teamLeadAcceptTimeoutSeconds())));
        functions.leadEvents().grantSendMessages(handoff);
        agentNotifications.grantPublish(handoff);
        alerting.opsAlerts().grantPublish(handoff);
        suppressTopicKeyWildcard(handoff);

        StateMachine approval = machine(WorkflowNames.APPROVAL, layout, logRetention, Map.of(
                "LeadEventsQueueUrl", queueUrl,
                "OpsAlertsTopicArn", opsTopic,
                "AgentNotificationsTopicArn", agentNotifications.getTopicArn(),
                "ApprovalEscalateAfterSeconds", Integer.toString(workflows.approvalEscalateAfterSeconds()),
                "ApprovalDeadlineSeconds", Integer.toString(workflows.approvalDeadlineSeconds())));
        functions.leadEvents().grantSendMessages(approval);
        agentNotifications.grantPublish(approval);
        alerting.opsAlerts().grantPublish(approval);
        suppressTopicKeyWildcard(approval);

        StateMachine promotion = machine(WorkflowNames.MODEL_PROMOTION, layout, logRetention, Map.of(
                "ModelBucketName", data.modelBucket().getBucketName(),
                "OpsAlertsTopicArn", opsTopic,
                "MetricsNamespace", InferenceStack.METRICS_NAMESPACE,
                "CanaryPercent", Integer.toString(workflows.modelCanaryPercent()),
                "BakeSeconds", Integer.toString(workflows.modelBakeSeconds()),
                "MinCanaryRequests", Integer.toString(workflows.minCanaryRequests()),
                "MaxErrorRateDelta", Double.toString(workflows.maxErrorRateDelta()),
                "MaxLatencyRatio", Double.toString(workflows.maxLatencyRatio())));
        // the inference service's registry layout: models/<model>/<version>/model.onnx and models/<model>/live.json
        data.modelBucket().grantReadWrite(promotion, "models/*");
        promotion.addToRolePolicy(PolicyStatement.Builder.create()
                .sid("CompareCanaryWithLive")
                .actions(List.of("cloudwatch:GetMetricData"))
                .resources(List.of("*"))
                .build());
        alerting.opsAlerts().grantPublish(promotion);
        NagSuppressions.addResourceSuppressions(promotion, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Object-level S3 actions are limited to the models/ prefix of the model bucket (the registry the inference service reads); "
                        + "the KMS data key actions use wildcards by design (kms:GenerateDataKey*, kms:ReEncrypt*) on that one key; "
                        + "cloudwatch:GetMetricData has no resource-level permissions.")
                .build()), true);

        for (var entry : machines.entrySet()) {
            StateMachine machine = entry.getValue();
            Alarm failed = Alarm.Builder.create(this, pascal(entry.getKey()) + "Failures")
                    .alarmDescription(entry.getKey().stateMachineName() + " executions failed, timed out or were aborted")
                    .metric(MathExpression.Builder.create()
                            .expression("failed + timedOut + aborted")
                            .usingMetrics(Map.of(
                                    "failed", machine.metricFailed(perFiveMinutes()),
                                    "timedOut", machine.metricTimedOut(perFiveMinutes()),
                                    "aborted", machine.metricAborted(perFiveMinutes())))
                            .period(Duration.minutes(5))
                            .build())
                    .threshold(1)
                    .evaluationPeriods(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            alerting.notifyOps(failed);
        }
    }

    private StateMachine machine(WorkflowNames workflow, RepositoryLayout layout,
                                 software.amazon.awscdk.services.logs.RetentionDays logRetention, Map<String, String> substitutions) {
        AslStateMachine machine = new AslStateMachine(this, pascal(workflow), workflow.stateMachineName(),
                layout.stateMachineDefinition(workflow.definitionFile()), substitutions, logRetention);
        machines.put(workflow, machine.stateMachine());
        return machine.stateMachine();
    }

    private static void suppressTopicKeyWildcard(StateMachine machine) {
        NagSuppressions.addResourceSuppressions(machine, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Publishing to a KMS-encrypted topic needs kms:GenerateDataKey* (a family of variants) on the topics' one key; "
                        + "X-Ray and log delivery actions have no resource-level permissions.")
                .appliesTo(List.of("Action::kms:GenerateDataKey*", "Resource::*"))
                .build()), true);
    }

    private static MetricOptions perFiveMinutes() {
        return MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
    }

    private static String pascal(WorkflowNames workflow) {
        StringBuilder out = new StringBuilder();
        for (String part : workflow.name().toLowerCase().split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    public Topic agentNotifications() {
        return agentNotifications;
    }

    public Map<WorkflowNames, StateMachine> machines() {
        return machines;
    }
}
