package com.jorge.platform.inference.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudWatch embedded metric format (EMF) log lines: one JSON object per line with an
 * {@code _aws} block (Timestamp in epoch milliseconds, one MetricDirective: Namespace, Dimensions,
 * Metrics with Name and Unit) and, at the root, every dimension, property and metric value. A
 * distribution goes out as {@code {"Values": [...], "Counts": [...], "Max", "Min", "Count", "Sum"}}
 * with at most {@value #MAX_VALUES_PER_METRIC} values, the most CloudWatch takes in one metric
 * value; a longer one continues on further lines that carry only the distributions' remaining values,
 * so single values (counters) are never counted twice.
 */
public final class EmfLineWriter {

    public static final int MAX_VALUES_PER_METRIC = 100;

    /** CloudWatch units this service writes. */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    /** A metric's value on one line: a single number, or buckets of a distribution. */
    public sealed interface Value permits Single, Distribution {
    }

    public record Single(double value) implements Value {
    }

    public record Distribution(List<LatencyDistribution.Bucket> buckets) implements Value {
        public Distribution {
            if (buckets.isEmpty()) {
                throw new IllegalArgumentException("a distribution needs at least one value");
            }
            buckets = List.copyOf(buckets);
        }
    }

    public record Metric(String name, Unit unit, Value value) {
    }

    private final JsonFactory json = new JsonFactory();
    private final String namespace;

    public EmfLineWriter(String namespace) {
        if (namespace == null || namespace.isBlank() || namespace.length() > 255) {
            throw new IllegalArgumentException("EMF_NAMESPACE must be 1 to 255 characters, was '" + namespace + "'");
        }
        this.namespace = namespace;
    }

    /**
     * The lines for one group of metrics.
     *
     * @param dimensionSets each a list of member names that {@code members} holds
     * @param members       dimension values and properties, written at the root in this order
     */
    public List<String> lines(Instant timestamp, List<List<String>> dimensionSets, Map<String, String> members,
                              List<Metric> metrics) {
        for (List<String> set : dimensionSets) {
            for (String dimension : set) {
                if (!members.containsKey(dimension)) {
                    throw new IllegalArgumentException("dimension " + dimension + " has no value");
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (int chunk = 0; ; chunk++) {
            List<Metric> onThisLine = new ArrayList<>();
            for (Metric m : metrics) {
                switch (m.value()) {
                    case Single s -> {
                        if (chunk == 0) {
                            onThisLine.add(m);
                        }
                    }
                    case Distribution d -> {
                        int from = chunk * MAX_VALUES_PER_METRIC;
                        if (from < d.buckets().size()) {
                            int to = Math.min(d.buckets().size(), from + MAX_VALUES_PER_METRIC);
                            onThisLine.add(new Metric(m.name(), m.unit(), new Distribution(d.buckets().subList(from, to))));
                        }
                    }
                }
            }
            if (onThisLine.isEmpty()) {
                return lines;
            }
            lines.add(line(timestamp, dimensionSets, members, onThisLine));
        }
    }

    private String line(Instant timestamp, List<List<String>> dimensionSets, Map<String, String> members,
                        List<Metric> metrics) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestamp.toEpochMilli());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            for (List<String> set : dimensionSets) {
                g.writeStartArray();
                for (String d : set) {
                    g.writeString(d);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (Metric m : metrics) {
                g.writeStartObject();
                g.writeStringField("Name", m.name());
                g.writeStringField("Unit", m.unit().cloudWatchName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            for (var member : members.entrySet()) {
                g.writeStringField(member.getKey(), member.getValue());
            }
            for (Metric m : metrics) {
                g.writeFieldName(m.name());
                writeValue(g, m.value());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, Value value) throws IOException {
        switch (value) {
            case Single s -> number(g, s.value());
            case Distribution d -> {
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                double sum = 0;
                long count = 0;
                g.writeStartObject();
                g.writeArrayFieldStart("Values");
                for (var b : d.buckets()) {
                    g.writeNumber(b.millis());
                    min = Math.min(min, b.millis());
                    max = Math.max(max, b.millis());
                    sum += b.millis() * b.count();
                    count += b.count();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("Counts");
                for (var b : d.buckets()) {
                    g.writeNumber(b.count());
                }
                g.writeEndArray();
                g.writeNumberField("Max", max);
                g.writeNumberField("Min", min);
                g.writeNumberField("Count", count);
                g.writeNumberField("Sum", sum);
                g.writeEndObject();
            }
        }
    }

    /** Whole numbers as integers (counts), the rest as they are. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }
}
