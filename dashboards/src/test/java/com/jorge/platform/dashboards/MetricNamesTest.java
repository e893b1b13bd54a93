package com.jorge.platform.dashboards;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every metric a Grafana dashboard, a Prometheus rule or an alert-evaluator rule names is one the code emits. */
class MetricNamesTest {

    static MetricNameCheck check;
    static List<MetricReference> references;

    @BeforeAll
    static void scan() {
        check = MetricNameCheck.ofRepository();
        references = MetricReference.all();
    }

    @Test
    void everyReferencedMetricIsEmittedWithTheDimensionsAndLabelsItCarries() {
        assertThat(references).as("the dashboards and rules name metrics").hasSizeGreaterThan(40);
        assertThat(check.problems(references)).isEmpty();
    }

    @Test
    void theScanFindsWhatTheCodeEmits() {
        EmittedMetrics emitted = EmittedMetrics.scan(RepositoryFiles.mainSources());
        assertThat(emitted.cloudWatchNames()).contains("ReplyLatencyMs", "OutboxOldestWaitingMs", "BiDaysRecomputed",
                "InferenceLatency", "CacheWarmerWarmed");
        assertThat(emitted.prometheusLabels()).containsEntry("inference_requests_total", java.util.Set.of("model", "version", "outcome"))
                .containsKey("inference_request_duration_seconds_bucket");
        assertThat(emitted.prometheusLabels().get("inference_request_duration_seconds_bucket")).contains("le");
        assertThat(emitted.infraLiterals()).contains("bot-worker", "due-replies", "gpu-inference");
    }

    @Test
    void aTypoedCloudWatchNameOrAWrongDimensionFails() {
        var typo = new MetricReference.CloudWatch("test: typo", "JorgePlatform", "ReplyLatencyMss", Map.of("Service", "bot-worker"));
        var wrongDimension = new MetricReference.CloudWatch("test: dim", "JorgePlatform", "GhlApiErrors", Map.of("Reason", "*"));
        var noSuchService = new MetricReference.CloudWatch("test: svc", "JorgePlatform", "ReplyLatencyMs", Map.of("Service", "bot-wroker"));
        var awsTypo = new MetricReference.CloudWatch("test: aws", "AWS/SQS", "ApproximateNumberOfMessageVisible", Map.of("QueueName", "q"));
        assertThat(check.problems(List.of(typo, wrongDimension, noSuchService, awsTypo)))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("ReplyLatencyMss is emitted nowhere"))
                .anySatisfy(p -> assertThat(p).contains("GhlApiErrors is emitted with dimensions [[Service], [Status]]"))
                .anySatisfy(p -> assertThat(p).contains("Service=bot-wroker"))
                .anySatisfy(p -> assertThat(p).contains("ApproximateNumberOfMessageVisible is not a metric AWS publishes"));
    }

    @Test
    void aTypoedPrometheusNameLabelOrRecordingRuleFails() {
        var problems = check.problems(List.of(
                new MetricReference.PromQl("t1", "sum by (model) (rate(inference_request_total[5m]))"),
                new MetricReference.PromQl("t2", "rate(inference_requests_total{modle=\"x\"}[5m])"),
                new MetricReference.PromQl("t3", "sum by (region) (rate(inference_requests_total[5m]))"),
                new MetricReference.PromQl("t4", "model:inference_latency:p99 > 0.025"),
                new MetricReference.PromQl("ok", "histogram_quantile(0.99, sum by (model, le) (rate(inference_request_duration_seconds_bucket{outcome!~\"x\"}[5m]))) > 1e-3")));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("t1").contains("inference_request_total is emitted nowhere"))
                .anySatisfy(p -> assertThat(p).startsWith("t2").contains("no label modle"))
                .anySatisfy(p -> assertThat(p).startsWith("t3").contains("[region]"))
                .anySatisfy(p -> assertThat(p).startsWith("t4").contains("defined by no rule file"))
                // the histogram has no outcome label: the fifth is wrong too, only for that
                .anySatisfy(p -> assertThat(p).startsWith("ok").contains("no label outcome"))
                .hasSize(5);
    }

    @Test
    void theCloudWatchExporterTurnsTheConfidenceGaugeIntoThePrometheusSeriesTheRuleReads() {
        assertThat(EmittedMetrics.scan(RepositoryFiles.mainSources()).cloudWatchNames()).contains("jorge_ml_predicted_issue_confidence");
        assertThat(CloudWatchExporter.ofRepository().prometheusLabels())
                .containsEntry("jorgeplatform_jorge_ml_predicted_issue_confidence_maximum", java.util.Set.of("rule"));
        assertThat(CloudWatchExporter.snake("CacheClusterId")).isEqualTo("cache_cluster_id");
        var problems = check.problems(List.of(
                new MetricReference.CloudWatch("g1", "JorgePlatform", "jorge_ml_predicted_issue_confidence", Map.of("Service", "alert-evaluator")),
                new MetricReference.CloudWatch("g2", "JorgePlatform", "jorge_ml_predicted_issue_confidense", Map.of("Rule", "*")),
                new MetricReference.PromQl("p1", "max by (rule) (jorgeplatform_jorge_ml_predicted_issue_confidence_average) > 0.85"),
                new MetricReference.PromQl("ok", "max by (rule) (jorgeplatform_jorge_ml_predicted_issue_confidence_maximum) > 0.85")));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("g1").contains("[[Rule]]"))
                .anySatisfy(p -> assertThat(p).startsWith("g2").contains("emitted nowhere"))
                .anySatisfy(p -> assertThat(p).startsWith("p1").contains("emitted nowhere"))
                .hasSize(3);
    }

    @Test
    void promQlNamesReadSelectorsNotFunctionsKeywordsOrLabelValues() {
        assertThat(PromQlNames.selectors("sum by (model) (rate(a_total{outcome=\"error_total\"}[5m])) / sum without (x) (rate(b_total[1h:5m])) > 0.01"))
                .containsOnlyKeys("a_total", "b_total")
                .containsEntry("a_total", java.util.Set.of("outcome"));
        assertThat(PromQlNames.groupingLabels("sum by (model, le) (x) / on (model) y")).containsExactly("model", "le");
    }
}
