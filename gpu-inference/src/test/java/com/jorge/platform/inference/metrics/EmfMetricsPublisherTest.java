package com.jorge.platform.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmfMetricsPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private EmfMetricsPublisher publisher(Duration flush) {
        return new EmfMetricsPublisher(new EmfMetricsPublisher.Settings("JorgePlatform", "gpu-inference", flush,
                Duration.ofMillis(10)), lines::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void queueDepthIsTheAverageOfTheIntervalsSamplesWithItsMaximum() throws Exception {
        EmfMetricsPublisher p = publisher(Duration.ZERO);
        AtomicInteger depth = new AtomicInteger();
        p.start(depth::get);
        p.close(); // no schedule needed: samples are taken by hand below
        lines.clear();
        for (int d : new int[]{0, 4, 8, 4}) {
            depth.set(d);
            p.sampleQueueDepth();
        }
        p.flush();
        JsonNode queue = EmfSpec.parseValid(lines).getFirst();
        assertThat(queue.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode directive = queue.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("JorgePlatform");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo(
                "[{\"Name\":\"InferenceQueueDepth\",\"Unit\":\"Count\"},{\"Name\":\"InferenceQueueDepthMax\",\"Unit\":\"Count\"}]");
        assertThat(queue.path("Service").asText()).isEqualTo("gpu-inference");
        assertThat(queue.path("InferenceQueueDepth").asDouble()).isEqualTo(4.0);
        assertThat(queue.path("InferenceQueueDepthMax").asDouble()).isEqualTo(8.0);

        lines.clear();
        depth.set(3);
        p.flush(); // a new interval: the old samples are gone, an empty interval samples once
        JsonNode next = EmfSpec.parseValid(lines).getFirst();
        assertThat(next.path("InferenceQueueDepth").asDouble()).isEqualTo(3.0);
        assertThat(next.path("InferenceQueueDepthMax").asDouble()).isEqualTo(3.0);
    }

    @Test
    void flushesOnItsScheduleAndOnceMoreOnClose() throws Exception {
        EmfMetricsPublisher p = publisher(Duration.ofMillis(100));
        p.start(() -> 2);
        p.succeeded("lead-score", "1", TrafficRole.LIVE, 2_000_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines.stream().noneMatch(l -> l.contains("InferenceRequests")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lines).anyMatch(l -> l.contains("\"InferenceRequests\":1"));

        p.succeeded("lead-score", "1", TrafficRole.LIVE, 3_000_000);
        p.close();
        int afterClose = lines.size();
        assertThat(lines.getLast()).contains("\"InferenceRequests\":1").contains("\"ModelVersion\":\"1\"");
        Thread.sleep(300);
        assertThat(lines).as("nothing after close").hasSize(afterClose);
    }

    @Test
    void aVersionWithoutTrafficInTheIntervalWritesNoLine() throws Exception {
        EmfMetricsPublisher p = publisher(Duration.ZERO);
        p.invalid("lead-score", "1", TrafficRole.NAMED);
        p.flush();
        assertThat(EmfSpec.parseValid(lines)).hasSize(2);
        JsonNode named = EmfSpec.parseValid(lines).get(1);
        assertThat(named.path("InferenceRequests").asLong()).isEqualTo(1);
        assertThat(named.path("InferenceErrors").asLong()).isZero();
        assertThat(named.has("InferenceLatency")).as("no answer, no latency").isFalse();
        assertThat(named.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics")).hasSize(2);
        lines.clear();
        p.flush();
        assertThat(lines).hasSize(1); // the queue line only
    }

    @Test
    void settingsNameTheVariableThatIsWrong() {
        assertThatThrownBy(() -> new EmfMetricsPublisher.Settings("JorgePlatform", " ", Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("EMF_SERVICE");
        assertThatThrownBy(() -> new EmfMetricsPublisher.Settings("JorgePlatform", "x", Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("EMF_FLUSH_SECONDS");
        assertThatThrownBy(() -> new EmfMetricsPublisher.Settings("JorgePlatform", "x", Duration.ZERO, Duration.ofMillis(1)))
                .hasMessageContaining("EMF_QUEUE_SAMPLE_MILLIS");
        assertThatThrownBy(() -> new EmfLineWriter(""))
                .hasMessageContaining("EMF_NAMESPACE");
    }
}
