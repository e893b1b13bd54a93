package com.jorge.platform.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CloudWatch embedded metric format specification's rules, checked on a line: the root is one JSON
 * object; {@code _aws} holds an integer Timestamp and CloudWatchMetrics; a MetricDirective has a
 * Namespace (1-255 characters), Dimensions (arrays of at most 30 names, each naming a string member
 * at the root) and Metrics (at most 100, Name plus optional Unit from CloudWatch's list and
 * StorageResolution 1 or 60); every metric name is a root member holding a number, up to 100 numbers,
 * or a Values/Counts distribution of up to 100 values; the spec's objects carry no other members.
 */
final class EmfSpec {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

    private EmfSpec() {
    }

    /** Parses every line, checks it against the specification, and returns the documents. */
    static List<JsonNode> parseValid(List<String> lines) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("one line per document").doesNotContain("\n");
            JsonNode root = JSON.readTree(line);
            assertValid(root);
            docs.add(root);
        }
        return docs;
    }

    static void assertValid(JsonNode root) {
        assertThat(root.isObject()).as("root is an object").isTrue();
        JsonNode aws = root.path("_aws");
        assertThat(aws.isObject()).as("_aws").isTrue();
        assertThat(fieldNames(aws)).as("_aws members").isSubsetOf("Timestamp", "CloudWatchMetrics", "LogGroupName");
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("Timestamp in epoch milliseconds").isTrue();
        JsonNode directives = aws.path("CloudWatchMetrics");
        assertThat(directives.isArray() && !directives.isEmpty()).as("CloudWatchMetrics").isTrue();
        for (JsonNode directive : directives) {
            assertThat(fieldNames(directive)).as("MetricDirective members").containsExactlyInAnyOrder("Namespace", "Dimensions", "Metrics");
            String namespace = directive.path("Namespace").asText();
            assertThat(directive.path("Namespace").isTextual() && !namespace.isEmpty() && namespace.length() <= 255).isTrue();
            assertThat(directive.path("Dimensions").isArray()).isTrue();
            for (JsonNode set : directive.path("Dimensions")) {
                assertThat(set.isArray() && set.size() <= 30).as("a dimension set holds at most 30 names").isTrue();
                for (JsonNode name : set) {
                    assertThat(name.isTextual()).isTrue();
                    assertThat(root.path(name.asText()).isTextual()).as("dimension %s is a string member", name).isTrue();
                }
            }
            JsonNode metrics = directive.path("Metrics");
            assertThat(metrics.isArray() && metrics.size() <= 100).as("at most 100 metrics").isTrue();
            for (JsonNode metric : metrics) {
                assertThat(fieldNames(metric)).isSubsetOf("Name", "Unit", "StorageResolution");
                String name = metric.path("Name").asText();
                assertThat(name).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
                if (metric.has("Unit")) {
                    assertThat(UNITS).contains(metric.path("Unit").asText());
                }
                if (metric.has("StorageResolution")) {
                    assertThat(metric.path("StorageResolution").asInt()).isIn(1, 60);
                }
                assertValue(name, root.path(name));
            }
        }
    }

    private static void assertValue(String name, JsonNode value) {
        if (value.isNumber()) {
            return;
        }
        if (value.isArray()) {
            assertThat(value.size()).as(name).isBetween(1, 100);
            value.forEach(v -> assertThat(v.isNumber()).isTrue());
            return;
        }
        assertThat(value.isObject()).as("metric %s has a value at the root", name).isTrue();
        JsonNode values = value.path("Values");
        JsonNode counts = value.path("Counts");
        assertThat(values.size()).as("%s: 1 to 100 values", name).isBetween(1, 100);
        assertThat(counts.size()).as("%s: one count per value", name).isEqualTo(values.size());
        values.forEach(v -> assertThat(v.isNumber()).isTrue());
        counts.forEach(c -> assertThat(c.isNumber() && c.asDouble() > 0).isTrue());
        for (String stat : List.of("Max", "Min", "Count", "Sum")) {
            assertThat(value.path(stat).isNumber()).as("%s.%s", name, stat).isTrue();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
