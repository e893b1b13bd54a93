package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.constructs.CanaryFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.constructs.Construct;

/**
 * The operations dashboard: one page from the webhook to the database, in the order a message travels.
 * It only reads the other stacks, so it can be redeployed (or edited) without touching anything running.
 */
public final class DashboardsStack extends Stack {
    private final Dashboard dashboard;

    public DashboardsStack(Construct scope, String id, StackProps props, EnvironmentSettings config, DataStack data,
                           InferenceStack inference, FunctionsStack functions, WorkflowsStack workflows) {
        super(scope, id, props);
        dashboard = Dashboard.Builder.create(this, "Platform")
                .dashboardName("jorge-platform-" + config.name())
                .defaultInterval(Duration.hours(3))
                .build();
        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("# Jorge Platform (" + config.name() + ")\nWebhook → intake → lead-events.fifo → bot worker → GHL. "
                        + "Canary alarms roll deployments back by themselves; runbooks in infra-cdk/README.md.")
                .width(24).height(2).build());

        List<IAlarm> alarms = new ArrayList<>();
        for (CanaryFunction function : functions.allFunctions()) {
            alarms.add(function.errorsAlarm());
            alarms.add(function.latencyAlarm());
        }
        dashboard.addWidgets(AlarmStatusWidget.Builder.create().title("Canary alarms").alarms(alarms).width(24).height(3).build());

        dashboard.addWidgets(
                graph("Webhook API: requests and 5xx", List.of(functions.api().metricCount(sum()), functions.api().metricServerError(sum())), List.of()),
                graph("Webhook API latency (ms)", List.of(functions.api().metricLatency(stat("p50")), functions.api().metricLatency(stat("p99"))), List.of()),
                graph("Intake duration (ms)", List.of(functions.intake().alias().metricDuration(stat("p50")), functions.intake().alias().metricDuration(stat("p99"))),
                        List.of(functions.intake().alias().metricErrors(sum()))));
        dashboard.addWidgets(
                graph("lead-events.fifo", List.of(functions.leadEvents().metricApproximateNumberOfMessagesVisible(stat("Maximum")),
                        functions.leadEvents().metricNumberOfMessagesSent(sum())), List.of(functions.leadEvents().metricApproximateAgeOfOldestMessage(stat("Maximum")))),
                graph("Dead-letter queue depth", List.of(functions.leadEventsDlq().metricApproximateNumberOfMessagesVisible(stat("Maximum"))), List.of()),
                graph("Bot worker", List.of(functions.worker().alias().metricDuration(stat("p50")), functions.worker().alias().metricDuration(stat("p99"))),
                        List.of(functions.worker().alias().metricErrors(sum()), functions.worker().function().metricThrottles(sum()))));
        dashboard.addWidgets(
                graph("Inference: requests and 5xx", List.of(inference.loadBalancer().getMetrics().requestCount(sum()),
                        inference.loadBalancer().getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, sum())), List.of()),
                graph("Inference latency (s) and queue depth", List.of(inference.targetGroup().getMetrics().targetResponseTime(stat("p99"))),
                        List.of(InferenceStack.queueDepthMetric())),
                graph("Inference tasks and CPU", List.of(ecs(inference, "CPUUtilization", "Average")), List.of(ecsInsights(inference, "RunningTaskCount"))));
        dashboard.addWidgets(
                graph("Aurora", List.of(data.database().metricCPUUtilization(stat("Average"))),
                        List.of(data.database().metric("ServerlessDatabaseCapacity", stat("Average")), data.database().metricDatabaseConnections(stat("Average")))),
                graph("Redis", List.of(redis(data, "EngineCPUUtilization"), redis(data, "DatabaseMemoryUsagePercentage")),
                        List.of(redis(data, "CacheHitRate"))),
                graph("Workflows: failed executions", workflows.machines().values().stream()
                        .map(machine -> (IMetric) machine.metricFailed(sum())).toList(), List.of()));
        // the functions' own EMF metrics (namespace JorgePlatform): undimensioned ones carry Service, a
        // dimensioned one carries only its own dimension (Powertools single-metric lines)
        dashboard.addWidgets(
                graph("Webhook to reply (ms)", List.of(platform("ReplyLatencyMs", "bot-worker", "p50"),
                        platform("ReplyLatencyMs", "bot-worker", "p99")), List.of(platform("EventsFailed", "bot-worker", "Sum"))),
                graph("Webhooks queued, by event type", List.of(search("EventType", "WebhooksEnqueued")), List.of()),
                graph("Follow-up steps and hand-off results", List.of(search("Kind", "NurtureSteps")), List.of(search("Kind", "HandoffResults"))));
        dashboard.addWidgets(
                graph("Cache warmer", List.of(platform("CacheWarmerWarmed", "cache-warmer", "Sum"),
                        platform("CacheWarmerAlreadyWarm", "cache-warmer", "Sum")), List.of(platform("CacheHits", "bot-worker", "Sum"),
                        platform("CacheMisses", "bot-worker", "Sum"))),
                graph("BI aggregator", List.of(platform("BiDaysRecomputed", "bi-aggregator", "Sum"),
                        platform("BiDaysPending", "bi-aggregator", "Maximum")), List.of(platform("BiDaysFailed", "bi-aggregator", "Sum"))),
                graph("Scheduled functions: errors", functions.scheduled().values().stream()
                        .map(fn -> (IMetric) fn.alias().metricErrors(sum())).toList(), List.of()));
        dashboard.addWidgets(
                graph("Lead scores, by the path that answered", List.of(search("Path", "LeadScores")), List.of()),
                graph("Deals recorded for retraining", List.of(search("Kind", "LeadOutcomesRecorded")), List.of()),
                graph("Bot autonomy rate (without a person / all) and approvals", List.of(autonomyRate()),
                        List.of(search("Kind", "ApprovalOutcomes"))));
    }

    /** The bots' replies and CRM actions that went out without a person, over all of them (issue 14). */
    private static IMetric autonomyRate() {
        return MathExpression.Builder.create().expression("autonomous / (autonomous + held)")
                .usingMetrics(Map.of("autonomous", botActions("autonomous"), "held", botActions("needs_person")))
                .label("autonomy rate").period(Duration.minutes(5)).build();
    }

    private static IMetric botActions(String kind) {
        return Metric.Builder.create().namespace(InferenceStack.METRICS_NAMESPACE).metricName("BotActions")
                .dimensionsMap(Map.of("Kind", kind)).statistic("Sum").period(Duration.minutes(5)).build();
    }

    private static IMetric platform(String name, String service, String statistic) {
        return Metric.Builder.create().namespace(InferenceStack.METRICS_NAMESPACE).metricName(name)
                .dimensionsMap(Map.of("Service", service)).statistic(statistic).period(Duration.minutes(1)).build();
    }

    private static IMetric search(String dimension, String name) {
        return MathExpression.Builder.create()
                .expression("SEARCH('{" + InferenceStack.METRICS_NAMESPACE + "," + dimension + "} MetricName=\"" + name + "\"', 'Sum', 60)")
                .label("")
                .period(Duration.minutes(1))
                .build();
    }

    private static IWidget graph(String title, List<IMetric> left, List<IMetric> right) {
        return GraphWidget.Builder.create().title(title).left(left).right(right).width(8).height(6).build();
    }

    private static MetricOptions sum() {
        return stat("Sum");
    }

    private static MetricOptions stat(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(Duration.minutes(1)).build();
    }

    private static IMetric ecs(InferenceStack inference, String name, String statistic) {
        return inference.service().metric(name, stat(statistic));
    }

    private static IMetric ecsInsights(InferenceStack inference, String name) {
        return Metric.Builder.create().namespace("ECS/ContainerInsights").metricName(name)
                .dimensionsMap(Map.of("ClusterName", inference.cluster().getClusterName(), "ServiceName", inference.service().getServiceName()))
                .statistic("Average").period(Duration.minutes(1)).build();
    }

    /**
     * ElastiCache publishes node metrics per CacheClusterId (a replication group's nodes are {@code <group>-<shard>-<node>}),
     * not per replication group: one line per node, found by the group's id.
     */
    private static IMetric redis(DataStack data, String name) {
        return MathExpression.Builder.create()
                .expression("SEARCH('{AWS/ElastiCache,CacheClusterId} MetricName=\"" + name + "\" " + data.redis().getRef() + "', 'Average', 300)")
                .label("")
                .period(Duration.minutes(5))
                .build();
    }

    public Dashboard dashboard() {
        return dashboard;
    }
}
