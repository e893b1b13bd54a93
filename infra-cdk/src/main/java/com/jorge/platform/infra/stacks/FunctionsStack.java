package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.RepositoryLayout;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import com.jorge.platform.infra.constructs.CanaryFunction;
import com.jorge.platform.infra.constructs.CanaryFunctionSpec;
import com.jorge.platform.infra.constructs.ScheduledFunctionCatalog;
import com.jorge.platform.infra.constructs.ScheduledFunctionCatalog.Access;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentConfig;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.DeduplicationScope;
import software.amazon.awscdk.services.sqs.FifoThroughputLimit;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The functions on the main path and around it: webhook intake behind the HTTP API, the bot worker on
 * the lead-events FIFO queue (with its dead-letter queue and the replay function), and the scheduled
 * functions of the catalog whose code exists. Each function gets only the grants its work needs.
 */
public final class FunctionsStack extends Stack {
    public static final String ROUTE_PATH = "/webhooks/ghl";
    public static final String GHL_API_BASE_URL = "https://services.leadconnectorhq.com";
    public static final int MAX_RECEIVE_COUNT = 5;
    public static final int WORKER_BATCH_SIZE = 10;

    private final Queue leadEvents;
    private final Queue leadEventsDlq;
    private final CanaryFunction intake;
    private final CanaryFunction worker;
    private final CanaryFunction dlqReplay;
    private final Map<String, CanaryFunction> scheduled = new LinkedHashMap<>();
    private final HttpApi api;
    private final MarketplaceApp marketplace;
    private final Secret ghlApiToken;

    public FunctionsStack(Construct scope, String id, StackProps props, EnvironmentSettings config, RepositoryLayout layout,
                          NetworkStack network, DataStack data, InferenceStack inference, AlertingStack alerting) {
        super(scope, id, props);
        // declared before any grant, so that KMS grants on the data key go to the principal, not the key policy
        addStackDependency(network);
        addStackDependency(data);
        addStackDependency(inference);
        addStackDependency(alerting);
        var fn = config.functions();
        var alarms = config.alarms();
        var logRetention = LogRetention.days(config.logRetentionDays(), "logRetentionDays");
        var vpcAccess = new CanaryFunction.Network(network.vpc(), network.appSubnets(), network.functionsGroup());
        LambdaApplication application = LambdaApplication.Builder.create(this, "Deployments")
                .applicationName("jorge-platform-" + config.name())
                .build();

        ghlApiToken = Secret.Builder.create(this, "GhlApiToken")
                .secretName("jorge/" + config.name() + "/ghl-api-token")
                .description("GoHighLevel private integration token used by the bot worker; ops writes the real value (see infra-cdk/README.md)")
                .build();

        // --- the queue between intake and worker: FIFO, one message group per contact
        leadEventsDlq = Queue.Builder.create(this, "LeadEventsDlq")
                .queueName("lead-events-dlq.fifo")
                .fifo(true)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        int workerTimeout = fn.workerTimeoutSeconds();
        leadEvents = Queue.Builder.create(this, "LeadEvents")
                .queueName("lead-events.fifo")
                .fifo(true)
                .contentBasedDeduplication(true) // intake sets the webhook id as deduplication id; content is the fallback
                .deduplicationScope(DeduplicationScope.MESSAGE_GROUP)
                .fifoThroughputLimit(FifoThroughputLimit.PER_MESSAGE_GROUP_ID)
                .visibilityTimeout(Duration.seconds(6L * workerTimeout)) // AWS guidance for SQS-triggered functions
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder().queue(leadEventsDlq).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
        NagSuppressions.addResourceSuppressions(leadEventsDlq, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is the dead-letter queue of lead-events.fifo; the dlq-replay function drains it back by hand.")
                .build()));

        var redisEnv = Map.of(
                "REDIS_URL", data.redisUrl(),
                "REDIS_CLUSTER", "true",
                "REDIS_AUTH_SECRET_ARN", data.redisAuth().getSecretArn());

        // --- webhook intake
        Map<String, String> intakeEnv = new HashMap<>(redisEnv);
        intakeEnv.putAll(Map.of(
                "LEAD_EVENTS_QUEUE_URL", leadEvents.getQueueUrl(),
                "POWERTOOLS_SERVICE_NAME", "webhook-intake",
                "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform"));
        intake = new CanaryFunction(this, "WebhookIntake", new CanaryFunctionSpec(
                "jorge-webhook-intake", "Verifies GHL webhooks, rejects replays, enqueues lead events",
                layout.functionJar("webhook-intake", "webhook-intake-lambda.jar"),
                "com.jorge.platform.intake.WebhookIntakeHandler::handleRequest",
                fn.intakeMemoryMiB(), 10, 0, intakeEnv, alarms.canaryErrorThreshold(), alarms.webhookP99Ms()),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        leadEvents.grantSendMessages(intake.function());
        // GHL's published Ed25519 key ships in the intake jar; the retired RSA key only where ops opted in (legacy)
        if (config.acceptsLegacyRsaWebhooks()) {
            intake.function().addEnvironment("GHL_WEBHOOK_RSA_PUBLIC_KEY_PARAM", config.legacyRsaWebhookKeyParameter());
            intake.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ReadGhlLegacyRsaKey")
                    .actions(List.of("ssm:GetParameter"))
                    .resources(List.of(parameterArn(config.legacyRsaWebhookKeyParameter())))
                    .build());
        }
        data.redisAuth().grantRead(intake.function());

        // --- bot worker: reserved concurrency caps the load on Aurora and on GHL's API rate limit
        Map<String, String> workerEnv = new HashMap<>(redisEnv);
        workerEnv.putAll(Map.of(
                "DATABASE_URL", data.jdbcUrl(),
                "DATABASE_SECRET_ARN", data.database().getSecret().getSecretArn(),
                "GHL_API_BASE_URL", GHL_API_BASE_URL,
                "GHL_API_TOKEN_SECRET_ARN", ghlApiToken.getSecretArn(),
                "LEAD_SCORE_ENDPOINT", inference.leadScoreEndpoint(),
                "BOT_HUMAN_PAUSE_MINUTES", Integer.toString(fn.botHumanPauseMinutes()),
                "NURTURE_STATE_MACHINE_ARN", WorkflowNames.LEAD_NURTURE.arnIn(this),
                "APPROVAL_STATE_MACHINE_ARN", WorkflowNames.APPROVAL.arnIn(this),
                "POWERTOOLS_SERVICE_NAME", "bot-worker",
                "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform"));
        // the bots' lead score: the model trained on the team's own deals, scored on the inference tier with an
        // in-process copy from the model bucket as the fallback; none live yet -> the rule-based estimate
        workerEnv.put("LEAD_SCORE_MODEL", InferenceStack.CONVERSATION_MODEL);
        workerEnv.put("MODEL_BUCKET", data.modelBucket().getBucketName());
        workerEnv.put("MODEL_PREFIX", InferenceStack.MODEL_PREFIX);
        // one lead-cache read in 16 goes to the access stream the cache-warmer learns from (off the reply path)
        workerEnv.put("ACCESS_CAPTURE_SAMPLE_EVERY", ScheduledFunctionCatalog.ACCESS_CAPTURE_SAMPLE_EVERY);
        // the A/B experiments the bots word, follow up and score by (cdk.json experiments)
        workerEnv.putAll(config.experiments().environment());
        // an approved bulk re-engagement batch queues one message per lead back onto lead-events.fifo
        workerEnv.put("LEAD_EVENTS_QUEUE_URL", leadEvents.getQueueUrl());
        var workflowSettings = config.workflows();
        if (!workflowSettings.handoffTeamLeadId().isEmpty()) {
            workerEnv.put("GHL_HANDOFF_USER_ID", workflowSettings.handoffTeamLeadId());
        }
        if (!workflowSettings.handoffAgentIds().isEmpty()) { // no agents listed: a hand-off is a GHL task for the team lead
            workerEnv.put("HANDOFF_STATE_MACHINE_ARN", WorkflowNames.HOT_LEAD_HANDOFF.arnIn(this));
            workerEnv.put("HANDOFF_AGENT_IDS", String.join(",", workflowSettings.handoffAgentIds()));
            workerEnv.put("HANDOFF_TEAM_LEAD_ID", workflowSettings.handoffTeamLeadId());
        }
        if (fn.usesBedrock()) {
            workerEnv.put("JORGE_BOTS_BEDROCK_MODEL_ID", fn.bedrockModelId()); // read by functions/jorge-bots BotConfig
        }
        worker = new CanaryFunction(this, "BotWorker", new CanaryFunctionSpec(
                "jorge-bot-worker", "Runs the Jorge bots on each lead event, in order per contact",
                layout.functionJar("bot-worker", "bot-worker-lambda.jar"),
                "com.jorge.platform.worker.lambda.BotWorkerHandler::handleRequest",
                fn.workerMemoryMiB(), workerTimeout, fn.workerReservedConcurrency(), workerEnv,
                alarms.canaryErrorThreshold(), alarms.workerP99Ms()),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        worker.alias().addEventSource(SqsEventSource.Builder.create(leadEvents)
                .batchSize(WORKER_BATCH_SIZE)
                .reportBatchItemFailures(true)
                // pollers never exceed the reserved concurrency: throttled batches would count as receives and
                // push healthy messages towards the DLQ
                .maxConcurrency(Math.max(2, fn.workerReservedConcurrency()))
                .build());
        data.database().getSecret().grantRead(worker.function());
        data.redisAuth().grantRead(worker.function());
        leadEvents.grantSendMessages(worker.function()); // an approved re-engagement batch: one message per lead, in its group
        ghlApiToken.grantRead(worker.function());
        data.modelBucket().grantRead(worker.function(), InferenceStack.MODEL_PREFIX + InferenceStack.CONVERSATION_MODEL + "/*");
        NagSuppressions.addResourceSuppressions(worker.function(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The worker reads its lead-score model (live.json, metadata.json, model.onnx) under "
                        + "models/conversation-lead-score/ of the model bucket only, and decrypts with that bucket's key; "
                        + "grantRead's s3:GetObject*/GetBucket*/List* are read-only.")
                .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                        RegexAppliesTo.builder().regex("/^Resource::.*Models.*\\/models\\/conversation-lead-score\\/\\*$/").build()))
                .build()), true);
        worker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("StartHandoffAndNurture")
                .actions(List.of("states:StartExecution"))
                .resources(List.of(WorkflowNames.HOT_LEAD_HANDOFF.arnIn(this), WorkflowNames.LEAD_NURTURE.arnIn(this),
                        WorkflowNames.APPROVAL.arnIn(this)))
                .build());
        worker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .sid("AnswerNurtureSteps")
                .actions(List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"))
                .resources(List.of(WorkflowNames.LEAD_NURTURE.arnIn(this)))
                .build());
        if (fn.usesBedrock()) {
            worker.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("WriteRepliesWithBedrock")
                    .actions(List.of("bedrock:InvokeModel"))
                    .resources(List.of("arn:" + getPartition() + ":bedrock:" + getRegion() + "::foundation-model/" + fn.bedrockModelId()))
                    .build());
        }

        // --- DLQ replay: same jar, run by ops by hand (aws lambda invoke --function-name jorge-dlq-replay:live)
        dlqReplay = new CanaryFunction(this, "DlqReplay", new CanaryFunctionSpec(
                "jorge-dlq-replay", "Moves parked lead events from the DLQ back onto lead-events.fifo (run by hand)",
                layout.functionJar("bot-worker", "bot-worker-lambda.jar"),
                "com.jorge.platform.worker.lambda.DlqReplayHandler::handleRequest",
                1024, 300, 1, Map.of(
                        "LEAD_EVENTS_QUEUE_URL", leadEvents.getQueueUrl(),
                        "LEAD_EVENTS_DLQ_URL", leadEventsDlq.getQueueUrl(),
                        "POWERTOOLS_SERVICE_NAME", "dlq-replay",
                        "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform"),
                alarms.canaryErrorThreshold(), 300_000),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        leadEventsDlq.grantConsumeMessages(dlqReplay.function());
        leadEvents.grantSendMessages(dlqReplay.function());

        // --- the worker's own schedule (same jar and environment as the worker): replies held by quiet
        // hours go out every minute. Quiet leads are followed up by the lead-nurture workflow.
        for (var schedule : List.of(
                new ScheduledFunctionCatalog.Entry("due-replies", "bot-worker", "bot-worker-lambda.jar",
                        "com.jorge.platform.worker.lambda.DueReplyHandler::handleRequest", "rate(1 minute)",
                        fn.workerMemoryMiB(), 50, java.util.Set.of(Access.DATABASE, Access.REDIS)))) {
            CanaryFunction function = scheduledFunction(this, schedule, layout.functionJar("bot-worker", "bot-worker-lambda.jar"),
                    withService(workerEnv, schedule.name()), vpcAccess, application, logRetention, alerting,
                    alarms.canaryErrorThreshold());
            data.database().getSecret().grantRead(function.function());
            data.redisAuth().grantRead(function.function());
            ghlApiToken.grantRead(function.function());
            scheduled.put(schedule.name(), function);
        }

        // --- the scheduled functions: cache warmer, alert evaluator, BI aggregator
        for (var entry : ScheduledFunctionCatalog.entries(config)) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "POWERTOOLS_SERVICE_NAME", entry.name(),
                    "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform"));
            if (entry.access().contains(Access.DATABASE)) {
                env.put("DATABASE_URL", data.jdbcUrl());
                env.put("DATABASE_SECRET_ARN", data.database().getSecret().getSecretArn());
            }
            if (entry.access().contains(Access.REDIS)) {
                env.putAll(redisEnv);
            }
            if (entry.access().contains(Access.PUBLISH_ALERTS)) {
                env.put("ALERTS_TOPIC_ARN", alerting.opsAlerts().getTopicArn());
            }
            if (entry.access().contains(Access.EXPERIMENTS)) {
                env.putAll(config.experiments().environment());
            }
            env.putAll(entry.settings());
            CanaryFunction function = scheduledFunction(entry, layout, env, vpcAccess, application, logRetention, alerting, alarms.canaryErrorThreshold());
            if (entry.access().contains(Access.DATABASE)) {
                data.database().getSecret().grantRead(function.function());
            }
            if (entry.access().contains(Access.REDIS)) {
                data.redisAuth().grantRead(function.function());
            }
            if (entry.access().contains(Access.PUBLISH_ALERTS)) {
                alerting.opsAlerts().grantPublish(function.function());
                NagSuppressions.addResourceSuppressions(function.function(), List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Publishing to the encrypted ops-alerts topic needs kms:GenerateDataKey*, a wildcard by "
                                + "design, granted on that topic's one key only.")
                        .appliesTo(List.of("Action::kms:GenerateDataKey*"))
                        .build()), true);
            }
            if (entry.access().contains(Access.READ_METRICS)) {
                function.function().addToRolePolicy(PolicyStatement.Builder.create()
                        .actions(List.of("cloudwatch:GetMetricData", "cloudwatch:ListMetrics"))
                        .resources(List.of("*"))
                        .build());
                NagSuppressions.addResourceSuppressions(function.function(), List.of(NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("CloudWatch GetMetricData and ListMetrics support no resource-level permissions.")
                        .appliesTo(List.of("Resource::*"))
                        .build()), true);
            }
            scheduled.put(entry.name(), function);
        }

        // --- the daily audit export into the Object Lock archive (issue 14)
        var auditExport = new ScheduledFunctionCatalog.Entry("audit-archive", "audit-archive", "audit-archive-lambda.jar",
                "com.jorge.platform.audit.archive.lambda.AuditExportHandler::handleRequest", config.audit().exportSchedule(), 1024, 600,
                java.util.Set.of(Access.DATABASE));
        Map<String, String> auditEnv = new HashMap<>(data.auditArchive().environment());
        auditEnv.putAll(Map.of("POWERTOOLS_SERVICE_NAME", auditExport.name(), "POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform",
                "DATABASE_URL", data.jdbcUrl(), "DATABASE_SECRET_ARN", data.database().getSecret().getSecretArn()));
        CanaryFunction auditArchive = scheduledFunction(auditExport, layout, auditEnv, vpcAccess, application, logRetention, alerting,
                alarms.canaryErrorThreshold());
        data.database().getSecret().grantRead(auditArchive.function());
        data.auditArchive().grantExport(auditArchive.function(), data.key());
        scheduled.put(auditExport.name(), auditArchive);

        // --- the HTTP API GHL calls
        LogGroup apiLogs = LogGroup.Builder.create(this, "ApiAccessLogs")
                .retention(logRetention)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        api = HttpApi.Builder.create(this, "WebhookApi")
                .apiName("jorge-webhooks-" + config.name())
                .description("GoHighLevel webhooks for the Jorge Platform")
                .createDefaultStage(false)
                .disableExecuteApiEndpoint(config.hasApiDomain())
                .build();
        IAccessLogDestination destination = new LogGroupLogDestination(apiLogs);
        HttpStage stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(fn.apiRateLimit()).burstLimit(fn.apiBurstLimit()).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                                + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                                + "\"responseLength\":\"$context.responseLength\",\"integrationLatency\":\"$context.integrationLatency\","
                                + "\"integrationError\":\"$context.integrationErrorMessage\"}");
                    }
                })
                .build();
        api.addRoutes(AddRoutesOptions.builder()
                .path(ROUTE_PATH)
                .methods(List.of(HttpMethod.POST))
                .integration(new HttpLambdaIntegration("Intake", intake.alias(), HttpLambdaIntegrationProps.builder()
                        .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0)
                        .build()))
                .build());
        // the Marketplace app's install flow on the same API (per-location OAuth tokens)
        marketplace = new MarketplaceApp(this, "MarketplaceApp", config, layout, data, api, vpcAccess, application, logRetention, alerting);
        marketplace.acceptLeadEvents(leadEvents, redisEnv, data.redisAuth()); // GHL sends them to the app's one webhook URL too
        if (config.marketplaceApp()) { // the worker and its due-replies run call GHL with each location's own token
            marketplace.authorizeGhlCalls(worker.function());
            marketplace.authorizeGhlCalls(scheduled.get("due-replies").function());
        }
        if (config.hasApiDomain()) {
            Certificate certificate = Certificate.Builder.create(this, "ApiCertificate")
                    .domainName(config.apiDomainName())
                    .validation(CertificateValidation.fromDns()) // the validation CNAME is shown during deploy
                    .build();
            DomainName domain = DomainName.Builder.create(this, "ApiDomain")
                    .domainName(config.apiDomainName())
                    .certificate(certificate)
                    .build();
            ApiMapping.Builder.create(this, "ApiMapping").api(api).domainName(domain).stage(stage).build();
            CfnOutput.Builder.create(this, "ApiDomainTarget")
                    .description("Point a CNAME (or alias) for " + config.apiDomainName() + " here")
                    .value(domain.getRegionalDomainName())
                    .build();
        }
        CfnOutput.Builder.create(this, "WebhookUrl")
                .description("The URL to configure in GoHighLevel's webhook settings")
                .value(config.hasApiDomain() ? "https://" + config.apiDomainName() + ROUTE_PATH : api.getApiEndpoint() + ROUTE_PATH)
                .build();

        // --- alarms on what nobody watches otherwise
        Alarm dlqDepth = Alarm.Builder.create(this, "DlqDepth")
                .alarmDescription("Lead events parked in lead-events-dlq.fifo: look at the cause, then replay (infra-cdk/README.md)")
                .metric(leadEventsDlq.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(1)).statistic("Maximum").build()))
                .threshold(alarms.dlqDepthThreshold())
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(dlqDepth);
        Alarm queueAge = Alarm.Builder.create(this, "LeadEventsAge")
                .alarmDescription("The oldest lead event waited longer than the configured age: the worker is down or throttled")
                .metric(leadEvents.metricApproximateAgeOfOldestMessage(MetricOptions.builder()
                        .period(Duration.minutes(1)).statistic("Maximum").build()))
                .threshold(alarms.queueAgeSeconds())
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(queueAge);
        Alarm api5xx = Alarm.Builder.create(this, "Api5xx")
                .alarmDescription("The webhook API answered 5xx: GHL retries, but leads wait")
                .metric(api.metricServerError(MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build()))
                .threshold(alarms.api5xxPerMinute())
                .evaluationPeriods(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(api5xx);
        // a record the worker cannot read is dropped, not retried (bot-worker README): a workflow message among them
        // leaves its Step Functions execution waiting until that state's timeout
        Map<String, IMetric> dropped = new LinkedHashMap<>();
        for (String reason : List.of("not_json", "invalid_ghl_event", "invalid_workflow_message")) {
            dropped.put("d" + dropped.size(), Metric.Builder.create().namespace("JorgePlatform").metricName("QueueMessagesDropped")
                    .dimensionsMap(Map.of("Kind", reason)).statistic("Sum").period(Duration.minutes(5)).build());
        }
        Alarm droppedAlarm = Alarm.Builder.create(this, "QueueMessagesDropped")
                .alarmDescription("The worker dropped queue records it cannot read (not JSON, not a GHL event or workflow "
                        + "message): find the sender in the WARN lines by SQS message id (functions/bot-worker/README.md)")
                .metric(MathExpression.Builder.create().expression("SUM(METRICS())")
                        .usingMetrics(dropped).label("dropped").period(Duration.minutes(5)).build())
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(droppedAlarm);

        NagSuppressions.addResourceSuppressions(api, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-APIG4")
                .reason("GoHighLevel cannot send API Gateway credentials; every request is authenticated by the function behind it: "
                        + "the intake and the install webhooks verify GHL's Ed25519 signature (RSA only where configured) before anything "
                        + "else, and the OAuth callback is worth nothing without a code GHL issued to this app.")
                .build()), true);
        NagSuppressions.addResourceSuppressions(ghlApiToken, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SMG4")
                .reason("GoHighLevel private integration tokens are issued and revoked in GHL's UI; there is no API a rotation function could call. "
                        + "The runbook in infra-cdk/README.md rotates it by hand.")
                .build()));
    }

    private CanaryFunction scheduledFunction(ScheduledFunctionCatalog.Entry entry, RepositoryLayout layout, Map<String, String> env,
                                             CanaryFunction.Network vpcAccess, LambdaApplication application,
                                             software.amazon.awscdk.services.logs.RetentionDays logRetention, AlertingStack alerting,
                                             int errorThreshold) {
        return scheduledFunction(this, entry, layout.functionJar(entry.module(), entry.jarName()), env, vpcAccess, application,
                logRetention, alerting, errorThreshold);
    }

    /** A catalog entry as deployed: a canary-deployed function and the EventBridge rule that runs its live alias. */
    public static CanaryFunction scheduledFunction(Construct scope, ScheduledFunctionCatalog.Entry entry, java.nio.file.Path jar,
                                                   Map<String, String> env, CanaryFunction.Network vpcAccess,
                                                   LambdaApplication application,
                                                   software.amazon.awscdk.services.logs.RetentionDays logRetention,
                                                   AlertingStack alerting, int errorThreshold) {
        String id = toPascal(entry.name());
        CanaryFunction function = new CanaryFunction(scope, id, new CanaryFunctionSpec(
                "jorge-" + entry.name(), "Scheduled: " + entry.name() + " (" + entry.schedule() + ")", jar, entry.handler(),
                entry.memoryMiB(), entry.timeoutSeconds(), 1, env, errorThreshold, entry.timeoutSeconds() * 1000),
                vpcAccess, application, LambdaDeploymentConfig.CANARY_10_PERCENT_5_MINUTES, logRetention, alerting);
        Rule.Builder.create(scope, id + "Schedule")
                .description("Runs " + entry.name() + " " + entry.schedule())
                .schedule(Schedule.expression(entry.schedule()))
                .targets(List.of(new LambdaFunction(function.alias(), LambdaFunctionProps.builder().retryAttempts(2).build())))
                .build();
        return function;
    }

    private static Map<String, String> withService(Map<String, String> env, String service) {
        Map<String, String> out = new HashMap<>(env);
        out.put("POWERTOOLS_SERVICE_NAME", service);
        return out;
    }

    private String parameterArn(String name) {
        return formatArn(software.amazon.awscdk.ArnComponents.builder()
                .service("ssm").resource("parameter").resourceName(name.substring(1)).build());
    }

    private static String toPascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    public Queue leadEvents() {
        return leadEvents;
    }

    public Queue leadEventsDlq() {
        return leadEventsDlq;
    }

    public CanaryFunction intake() {
        return intake;
    }

    public CanaryFunction worker() {
        return worker;
    }

    public CanaryFunction dlqReplay() {
        return dlqReplay;
    }

    public Map<String, CanaryFunction> scheduled() {
        return scheduled;
    }

    public HttpApi api() {
        return api;
    }

    /** The private integration's GHL token (the inbox's notices use it too). */
    public Secret ghlApiToken() {
        return ghlApiToken;
    }

    public MarketplaceApp marketplace() {
        return marketplace;
    }

    public List<CanaryFunction> allFunctions() {
        List<CanaryFunction> all = new ArrayList<>(List.of(intake, worker, dlqReplay, marketplace.install()));
        all.addAll(scheduled.values());
        return all;
    }
}
