package com.jorge.platform.dashboards;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CloudWatch exporter's configuration (prometheus/cloudwatch_exporter): each entry is a CloudWatch metric the
 * code must emit with those dimensions ({@link #sources}), and becomes the Prometheus series the exporter serves
 * ({@link #prometheusLabels}), named as the exporter names them: the namespace lower-cased, the metric and dimension
 * names snake-cased, the statistic a suffix ({@code JorgePlatform/jorge_ml_predicted_issue_confidence} Maximum by
 * Rule is {@code jorgeplatform_jorge_ml_predicted_issue_confidence_maximum{rule}}).
 */
record CloudWatchExporter(String file, List<Entry> entries) {

    record Entry(String namespace, String metric, List<String> dimensions, List<String> statistics) {}

    @SuppressWarnings("unchecked")
    static CloudWatchExporter ofRepository() {
        Path file = RepositoryFiles.cloudWatchExporterConfig();
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) RepositoryFiles.yaml(file).get("metrics")) {
            entries.add(new Entry(String.valueOf(m.get("aws_namespace")), String.valueOf(m.get("aws_metric_name")),
                    (List<String>) m.getOrDefault("aws_dimensions", List.of()), (List<String>) m.get("aws_statistics")));
        }
        return new CloudWatchExporter(file.getFileName().toString(), entries);
    }

    /** The CloudWatch metrics the exporter reads, for the check against the code. */
    List<MetricReference> sources() {
        List<MetricReference> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            e.dimensions().forEach(d -> dimensions.put(d, "*"));
            out.add(new MetricReference.CloudWatch(file + ": " + e.metric(), e.namespace(), e.metric(), dimensions));
        }
        return out;
    }

    Map<String, Set<String>> prometheusLabels() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            Set<String> labels = new LinkedHashSet<>();
            e.dimensions().forEach(d -> labels.add(snake(d)));
            String base = safe(e.namespace().toLowerCase(Locale.ROOT) + "_" + snake(e.metric()));
            for (String statistic : e.statistics()) out.put(base + "_" + safe(snake(statistic)), Set.copyOf(labels));
        }
        return out;
    }

    /** The exporter's toSnakeCase: a lower letter or digit followed by a capital gets an underscore between. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String safe(String name) {
        return name.replaceAll("[^a-zA-Z0-9:_]", "_").replaceAll("__+", "_");
    }
}
