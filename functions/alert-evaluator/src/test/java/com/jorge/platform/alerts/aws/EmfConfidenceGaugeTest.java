package com.jorge.platform.alerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.json.PlatformJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EmfConfidenceGaugeTest {

    @Test
    void writesOneEmbeddedMetricLinePerRuleWithTheRuleAsItsOnlyDimension() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
        EmfConfidenceGauge gauge = new EmfConfidenceGauge(new PrintStream(bytes, true, StandardCharsets.UTF_8), "JorgePlatform", clock);
        gauge.record("PredictedReplyLatencyBreach", 0.93456);
        gauge.record("PredictedQueueAgeBreach", 0.0);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = PlatformJson.mapper().readTree(lines[0]);
        JsonNode directive = first.at("/_aws/CloudWatchMetrics/0");
        assertThat(first.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
        assertThat(directive.get("Namespace").asText()).isEqualTo("JorgePlatform");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("Rule");
        assertThat(directive.at("/Dimensions/0").size()).isEqualTo(1);
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("jorge_ml_predicted_issue_confidence");
        assertThat(first.get("Rule").asText()).isEqualTo("PredictedReplyLatencyBreach");
        assertThat(first.get("jorge_ml_predicted_issue_confidence").asDouble()).isEqualTo(0.935);
        assertThat(PlatformJson.mapper().readTree(lines[1]).get("jorge_ml_predicted_issue_confidence").asDouble()).isEqualTo(0.0);
    }
}
