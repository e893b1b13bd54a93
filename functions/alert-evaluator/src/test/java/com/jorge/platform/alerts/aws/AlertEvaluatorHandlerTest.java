package com.jorge.platform.alerts.aws;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.alerts.AlertEvaluatorFunction;
import com.jorge.platform.alerts.AlertEvaluatorHandler;
import com.jorge.platform.alerts.rules.AlertRuleException;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lambda handler end to end: real SDK clients against the CloudWatch and SNS stand-ins, real Redis. */
class AlertEvaluatorHandlerTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:jorge-ops-alerts";
    private static final Map<String, String> SERVICE = Map.of("Service", "bot-worker");
    private static final String RULES = """
            {"rules":[
             {"name":"LatencyRamp","namespace":"JorgePlatform","metric":"ReplyLatencyMs","dimensions":{"Service":"bot-worker"},
              "statistic":"p99","threshold":3000,"direction":"ABOVE","horizonMinutes":30,"severity":"CRITICAL"},
             {"name":"QueueAgeFlat","namespace":"JorgePlatform","metric":"QueueAgeMs","dimensions":{"Service":"bot-worker"},
              "statistic":"Maximum","threshold":60000,"direction":"ABOVE","horizonMinutes":20,"severity":"HIGH"},
             {"name":"DlqSilent","namespace":"AWS/SQS","metric":"ApproximateNumberOfMessagesVisible","dimensions":{"QueueName":"${DLQ:lead-events-dlq.fifo}"},
              "statistic":"Maximum","threshold":10,"direction":"ABOVE","horizonMinutes":30,"severity":"HIGH"},
             {"name":"FailuresSparse","namespace":"JorgePlatform","metric":"EventsFailed","dimensions":{"Service":"bot-worker","EventType":"InboundMessage"},
              "statistic":"Sum","threshold":5,"direction":"ABOVE","horizonMinutes":15,"severity":"HIGH","missingData":"ZERO"}
            ]}""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:20Z"));
    private CloudWatchStandIn cloudWatch;
    private SnsStandIn sns;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        cloudWatch = new CloudWatchStandIn(100);
        sns = new SnsStandIn(TOPIC);
        // these runs are about the ensemble's warm-up and sparse-counter behaviour (ARTime, the default, learns a day of
        // zero-filled counter minutes past its 600-point probation and alerts on the counter's first events)
        env = new HashMap<>(Map.of("ALERT_RULES_JSON", RULES, "REDIS_URL", TestRedis.standaloneUrl(),
                "ALERTS_TOPIC_ARN", TOPIC, "ALERT_STATE_PREFIX", TestRedis.namespace("alert-handler") + ":", "ANOMALY_DETECTOR", "ensemble"));
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        sns.close();
    }

    private AlertEvaluatorHandler handler() {
        return new AlertEvaluatorHandler(AlertEvaluatorFunction.fromConfig(PlatformConfig.of(env), clock, cloudWatch::client, sns::client),
                new RecordedMetrics());
    }

    /** An hour of minutes up to the clock: latency climbing 20 ms a minute to ~2,600, queue age flat, two failures. */
    private void publishBadTrend() {
        long now = clock.instant().getEpochSecond() / 60 * 60;
        for (int m = 60; m >= 1; m--) {
            long t = now - m * 60L;
            cloudWatch.put("JorgePlatform", "ReplyLatencyMs", "p99", SERVICE, t, 2600 - 20.0 * m + (m % 3) * 5);
            cloudWatch.put("JorgePlatform", "QueueAgeMs", "Maximum", SERVICE, t, 800 + (m % 4) * 10);
        }
        cloudWatch.put("JorgePlatform", "EventsFailed", "Sum", Map.of("Service", "bot-worker", "EventType", "InboundMessage"), now - 600, 1);
        cloudWatch.put("JorgePlatform", "EventsFailed", "Sum", Map.of("Service", "bot-worker", "EventType", "InboundMessage"), now - 1200, 2);
    }

    private void publishCalmLatency() {
        long now = clock.instant().getEpochSecond() / 60 * 60;
        for (int m = 60; m >= 1; m--) {
            cloudWatch.put("JorgePlatform", "ReplyLatencyMs", "p99", SERVICE, now - m * 60L, 400 + (m % 3) * 5);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> statuses(Map<String, Object> summary) {
        return (Map<String, String>) summary.get("rules");
    }

    @Test
    void firesOnceForThePredictedBreachReportsNoDataAndResolvesWhenTheTrendClears() throws Exception {
        publishBadTrend();
        Map<String, Object> first = handler().handleRequest(new ScheduledEvent(), null);

        assertThat(first).containsEntry("rulesEvaluated", 4).containsEntry("alertsSent", 1).containsEntry("resolved", 0)
                .containsEntry("noData", 1).containsEntry("errors", List.of());
        assertThat(statuses(first)).containsExactlyInAnyOrderEntriesOf(Map.of("LatencyRamp", "BREACH_PREDICTED",
                "QueueAgeFlat", "CLEAR", "DlqSilent", "NO_DATA", "FailuresSparse", "CLEAR"));
        // the streaming detector saw every rule with data (an hour is still its warm-up: no anomaly alert)
        @SuppressWarnings("unchecked")
        Map<String, Double> confidence = (Map<String, Double>) first.get("confidence");
        assertThat(confidence).containsOnlyKeys("LatencyRamp", "QueueAgeFlat", "FailuresSparse");
        assertThat(confidence.values()).allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
        assertThat(sns.published()).hasSize(1);
        var body = PlatformJson.mapper().readTree(sns.published().getFirst().get("Message"));
        assertThat(body.get("rule").asText()).isEqualTo("LatencyRamp");
        assertThat(body.get("transition").asText()).isEqualTo("FIRE");
        assertThat(body.get("minutesToBreach").asInt()).isBetween(15, 30);
        // the calibrated probability travels in the notice, its text, and the rule's confidence gauge
        double probability = body.get("breachProbability").asDouble();
        assertThat(probability).isBetween(0.5, 1.0);
        assertThat(body.get("text").asText()).matches("LatencyRamp predicted to cross 3000 within \\d+ minutes, confidence 0\\.\\d\\d|LatencyRamp predicted to cross 3000 within \\d+ minutes, confidence 1\\.00");
        assertThat(confidence.get("LatencyRamp")).isGreaterThanOrEqualTo(probability - 0.01);
        // one GetMetricData call carried all four rules
        assertThat(cloudWatch.requests()).hasSize(1);
        assertThat(CloudWatchStandIn.body(cloudWatch.requests().getFirst()).get("MetricDataQueries")).hasSize(4);

        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> second = handler().handleRequest(new ScheduledEvent(), null);
        assertThat(second).containsEntry("alertsSent", 0).containsEntry("resolved", 0);
        assertThat(sns.published()).hasSize(1);

        cloudWatch.clear();
        clock.advance(Duration.ofMinutes(5));
        publishCalmLatency();
        Map<String, Object> calm = handler().handleRequest(new ScheduledEvent(), null);
        assertThat(calm).containsEntry("alertsSent", 0).containsEntry("resolved", 1);
        assertThat(statuses(calm)).containsEntry("LatencyRamp", "CLEAR");
        assertThat(sns.published()).hasSize(2);
        assertThat(sns.published().get(1).get("Subject")).isEqualTo("[CRITICAL] RESOLVED LatencyRamp");
    }

    @Test
    void twoOverlappingRunsSendTheAlertOnce() {
        publishBadTrend();
        AlertEvaluatorHandler a = handler();
        AlertEvaluatorHandler b = handler();
        var runA = CompletableFuture.supplyAsync(() -> a.handleRequest(new ScheduledEvent(), null));
        var runB = CompletableFuture.supplyAsync(() -> b.handleRequest(new ScheduledEvent(), null));
        int sent = (int) runA.join().get("alertsSent") + (int) runB.join().get("alertsSent");
        assertThat(sent).isEqualTo(1);
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void anAlertThatSnsRefusedIsSentByTheNextRun() {
        publishBadTrend();
        sns.down(true);
        Map<String, Object> refused = handler().handleRequest(new ScheduledEvent(), null);
        assertThat(refused).containsEntry("alertsSent", 0);
        assertThat((List<String>) refused.get("errors")).singleElement().asString().startsWith("LatencyRamp: publish FIRE");

        sns.down(false);
        clock.advance(Duration.ofMinutes(1));
        assertThat(handler().handleRequest(new ScheduledEvent(), null)).containsEntry("alertsSent", 1);
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void whenCloudWatchFailsEveryRuleIsAnErrorAndNothingIsSent() {
        publishBadTrend();
        cloudWatch.failWith("InternalServiceFault");
        Map<String, Object> summary = handler().handleRequest(new ScheduledEvent(), null);
        assertThat(summary).containsEntry("alertsSent", 0);
        assertThat(statuses(summary).values()).containsOnly("ERROR");
        assertThat((List<String>) summary.get("errors")).singleElement().asString().startsWith("metrics:");
        assertThat(sns.published()).isEmpty();
    }

    @Test
    void configurationErrorsNameTheRuleAndField() {
        env.put("ALERT_RULES_JSON", RULES.replace("\"horizonMinutes\":20", "\"horizonMinutes\":90"));
        assertThatThrownBy(this::handler).isInstanceOf(AlertRuleException.class)
                .hasMessageContaining("'QueueAgeFlat'").hasMessageContaining("'horizonMinutes'");
        env.put("ALERT_RULES_JSON", RULES);
        env.remove("REDIS_URL");
        assertThatThrownBy(this::handler).hasMessageContaining("REDIS_URL");
    }
}
