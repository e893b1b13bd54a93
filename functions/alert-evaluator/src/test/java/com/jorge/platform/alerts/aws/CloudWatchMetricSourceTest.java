package com.jorge.platform.alerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.rules.MetricQuery;
import com.jorge.platform.alerts.rules.MissingData;
import com.jorge.platform.alerts.rules.Severity;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudWatchMetricSourceTest {

    private static final Instant END = Instant.parse("2026-11-22T02:00:00Z");

    private static AlertRule rule(String name, String namespace, String metric, Map<String, String> dims, String stat) {
        return new AlertRule(name, name, new MetricQuery(namespace, metric, dims, stat, 60),
                new BreachCondition(1, Direction.ABOVE, 15), Severity.HIGH, MissingData.ABSENT);
    }

    @Test
    void fetchesEveryRuleInOneRequestAndFollowsThePages() {
        AlertRule latency = rule("latency", "JorgePlatform", "ReplyLatencyMs", Map.of("Service", "bot-worker"), "p99");
        AlertRule dlq = rule("dlq", "AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", "lead-events-dlq.fifo"), "Maximum");
        AlertRule silent = rule("silent", "JorgePlatform", "EventsFailed", Map.of("Service", "bot-worker", "EventType", "InboundMessage"), "Sum");
        try (CloudWatchStandIn cw = new CloudWatchStandIn(25); CloudWatchClient client = cw.client()) {
            for (int m = 0; m < 60; m++) {
                long t = END.getEpochSecond() - (60 - m) * 60L;
                cw.put("JorgePlatform", "ReplyLatencyMs", "p99", Map.of("Service", "bot-worker"), t, 100.0 + m);
                if (m % 2 == 0) cw.put("AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", Map.of("QueueName", "lead-events-dlq.fifo"), t, m);
            }
            // a point outside the window and one for another service must not come back
            cw.put("JorgePlatform", "ReplyLatencyMs", "p99", Map.of("Service", "bot-worker"), END.getEpochSecond(), 9999);
            cw.put("JorgePlatform", "ReplyLatencyMs", "p99", Map.of("Service", "webhook-intake"), END.getEpochSecond() - 60, 9999);

            Map<String, MetricSeries> series = new CloudWatchMetricSource(client)
                    .fetch(List.of(latency, dlq, silent), END.minusSeconds(3600), END);

            MetricSeries l = series.get("latency");
            assertThat(l.size()).isEqualTo(60);
            assertThat(l.values()[0]).isEqualTo(100.0);
            assertThat(l.lastValue()).isEqualTo(159.0);
            assertThat(l.lastTime()).isEqualTo(END.minusSeconds(60));
            assertThat(series.get("dlq").size()).isEqualTo(30);
            assertThat(series.get("silent").isEmpty()).isTrue();

            // 60 points in pages of 25: three calls, each carrying all three queries
            assertThat(cw.requests()).hasSize(3);
            JsonNode first = CloudWatchStandIn.body(cw.requests().getFirst());
            assertThat(first.get("MetricDataQueries")).hasSize(3);
            JsonNode q = first.get("MetricDataQueries").get(1);
            assertThat(q.get("MetricStat").get("Metric").get("Namespace").asText()).isEqualTo("AWS/SQS");
            assertThat(q.get("MetricStat").get("Stat").asText()).isEqualTo("Maximum");
            assertThat(q.get("MetricStat").get("Period").asInt()).isEqualTo(60);
            assertThat(q.get("MetricStat").get("Metric").get("Dimensions").get(0).get("Value").asText()).isEqualTo("lead-events-dlq.fifo");
            assertThat(first.get("ScanBy").asText()).isEqualTo("TimestampAscending");
            assertThat(CloudWatchStandIn.body(cw.requests().get(2)).get("NextToken").asText()).isEqualTo("page-2");
            assertThat(cw.requests().getFirst().header("Content-Type")).isEqualTo("application/cbor");
        }
    }

    @Test
    void aCloudWatchErrorReachesTheCaller() {
        try (CloudWatchStandIn cw = new CloudWatchStandIn(100); CloudWatchClient client = cw.client()) {
            cw.failWith("InvalidParameterValueException");
            assertThatThrownBy(() -> new CloudWatchMetricSource(client)
                    .fetch(List.of(rule("x", "JorgePlatform", "QueueAgeMs", Map.of(), "Maximum")), END.minusSeconds(600), END))
                    .isInstanceOf(CloudWatchException.class)
                    .satisfies(e -> assertThat(((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
        }
    }
}
