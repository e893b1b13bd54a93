package com.jorge.platform.alerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.alerts.AlertNotice;
import com.jorge.platform.alerts.rules.Severity;
import com.jorge.platform.alerts.state.Transition;
import com.jorge.platform.json.PlatformJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsAlertPublisherTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:jorge-ops-alerts";
    private static final AlertNotice NOTICE = new AlertNotice("PredictedReplyLatencyBreach", "p99 heading over 3 s",
            Severity.CRITICAL, Transition.FIRE, "BREACH_PREDICTED", 2580, 3000, 21.4, Instant.parse("2026-11-22T02:00:00Z"), 0.904);

    @Test
    void publishesSubjectJsonBodyAndFilterableAttributes() throws Exception {
        try (SnsStandIn sns = new SnsStandIn(TOPIC); SnsClient client = sns.client()) {
            new SnsAlertPublisher(client, TOPIC).publish(NOTICE);

            assertThat(sns.published()).hasSize(1);
            Map<String, String> form = sns.published().getFirst();
            assertThat(form).containsEntry("TopicArn", TOPIC)
                    .containsEntry("Subject", "[CRITICAL] ALERT PredictedReplyLatencyBreach");
            JsonNode body = PlatformJson.mapper().readTree(form.get("Message"));
            assertThat(body.get("rule").asText()).isEqualTo("PredictedReplyLatencyBreach");
            assertThat(body.get("minutesToBreach").asInt()).isEqualTo(21);
            assertThat(body.get("breachProbability").asDouble()).isEqualTo(0.9);
            assertThat(body.get("text").asText()).isEqualTo("PredictedReplyLatencyBreach predicted to cross 3000 within 21 minutes, confidence 0.90");
            assertThat(body.get("threshold").asDouble()).isEqualTo(3000);
            assertThat(body.get("transition").asText()).isEqualTo("FIRE");
            // message attributes travel as MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue}
            Map<String, String> attributes = new java.util.HashMap<>();
            for (int i = 1; form.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
                assertThat(form.get("MessageAttributes.entry." + i + ".Value.DataType")).isEqualTo("String");
                attributes.put(form.get("MessageAttributes.entry." + i + ".Name"), form.get("MessageAttributes.entry." + i + ".Value.StringValue"));
            }
            assertThat(attributes).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "severity", "CRITICAL", "rule", "PredictedReplyLatencyBreach", "transition", "FIRE"));
        }
    }

    @Test
    void anUnknownTopicIsAnError() {
        try (SnsStandIn sns = new SnsStandIn(TOPIC); SnsClient client = sns.client()) {
            assertThatThrownBy(() -> new SnsAlertPublisher(client, TOPIC + "-gone").publish(NOTICE))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aResolveSaysSoInItsSubject() {
        AlertNotice resolved = new AlertNotice("PredictedDlqBacklog", "dlq", Severity.HIGH, Transition.RESOLVE, "CLEAR",
                0, 10, Double.NaN, Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(resolved.subject()).isEqualTo("[HIGH] RESOLVED PredictedDlqBacklog");
        assertThat(SnsAlertPublisher.body(resolved)).doesNotContain("minutesToBreach").doesNotContain("breachProbability");
        assertThat(resolved.text()).isEqualTo("PredictedDlqBacklog CLEAR: latest 0, threshold 10");
    }
}
