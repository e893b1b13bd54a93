package com.jorge.platform.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.inference.metrics.EmfLineWriter.Distribution;
import com.jorge.platform.inference.metrics.EmfLineWriter.Metric;
import com.jorge.platform.inference.metrics.EmfLineWriter.Single;
import com.jorge.platform.inference.metrics.EmfLineWriter.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfLineWriterTest {

    private final EmfLineWriter writer = new EmfLineWriter("JorgePlatform");
    private final Instant at = Instant.parse("2026-11-22T02:00:00.123Z");

    private static Map<String, String> members() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Service", "gpu-inference");
        m.put("Model", "lead-score");
        m.put("ModelVersion", "2");
        return m;
    }

    @Test
    void aDistributionOfMoreThanAHundredValuesContinuesOnFurtherLinesWithoutRepeatingTheCounters() throws Exception {
        List<LatencyDistribution.Bucket> buckets = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 250; i++) {
            buckets.add(new LatencyDistribution.Bucket(0.5 + i, i % 3 + 1));
            total += i % 3 + 1;
        }
        List<String> lines = writer.lines(at, List.of(List.of("Model", "ModelVersion"), List.of("Model")), members(), List.of(
                new Metric("InferenceRequests", Unit.COUNT, new Single(total)),
                new Metric("InferenceErrors", Unit.COUNT, new Single(0)),
                new Metric("InferenceLatency", Unit.MILLISECONDS, new Distribution(buckets))));

        List<JsonNode> docs = EmfSpec.parseValid(lines);
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).path("InferenceRequests").asLong()).isEqualTo(total);
        assertThat(docs.get(0).path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").toString()).isEqualTo(
                "[{\"Name\":\"InferenceRequests\",\"Unit\":\"Count\"},{\"Name\":\"InferenceErrors\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"InferenceLatency\",\"Unit\":\"Milliseconds\"}]");
        long counted = 0;
        double max = 0;
        for (JsonNode d : docs) {
            assertThat(d.path("_aws").path("Timestamp").asLong()).isEqualTo(at.toEpochMilli());
            assertThat(d.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                    .isEqualTo("[[\"Model\",\"ModelVersion\"],[\"Model\"]]");
            assertThat(d.path("ModelVersion").asText()).isEqualTo("2");
            JsonNode latency = d.path("InferenceLatency");
            assertThat(latency.path("Values").size()).isLessThanOrEqualTo(EmfLineWriter.MAX_VALUES_PER_METRIC);
            long lineCount = 0;
            double lineSum = 0;
            for (int i = 0; i < latency.path("Values").size(); i++) {
                lineCount += latency.path("Counts").get(i).asLong();
                lineSum += latency.path("Counts").get(i).asLong() * latency.path("Values").get(i).asDouble();
            }
            assertThat(latency.path("Count").asLong()).isEqualTo(lineCount);
            assertThat(latency.path("Sum").asDouble()).isCloseTo(lineSum, org.assertj.core.data.Offset.offset(1e-6));
            counted += lineCount;
            max = Math.max(max, latency.path("Max").asDouble());
        }
        assertThat(counted).as("every sample once").isEqualTo(total);
        assertThat(max).isEqualTo(249.5);
        for (JsonNode continuation : docs.subList(1, 3)) {
            assertThat(continuation.has("InferenceRequests")).as("counters only on the first line").isFalse();
            assertThat(continuation.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").toString())
                    .isEqualTo("[{\"Name\":\"InferenceLatency\",\"Unit\":\"Milliseconds\"}]");
        }
        assertThat(docs.get(2).path("InferenceLatency").path("Values")).hasSize(50);
    }

    @Test
    void countsAreWrittenAsIntegersAndAveragesAsDecimals() throws Exception {
        String line = writer.lines(at, List.of(List.of("Service")), Map.of("Service", "gpu-inference"), List.of(
                new Metric("InferenceQueueDepth", Unit.COUNT, new Single(2.5)),
                new Metric("InferenceQueueDepthMax", Unit.COUNT, new Single(7)))).getFirst();
        assertThat(line).contains("\"InferenceQueueDepth\":2.5").contains("\"InferenceQueueDepthMax\":7}").doesNotContain("7.0");
    }

    @Test
    void aDimensionWithoutAValueIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.lines(at, List.of(List.of("Model", "Role")), members(),
                List.of(new Metric("InferenceRequests", Unit.COUNT, new Single(1))))).hasMessageContaining("Role");
    }
}
