package com.jorge.platform.dashboards;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the code emits, read from the main sources: CloudWatch metric names (the string constants of the
 * classes that record metrics), Prometheus metrics with their labels (the client library's builders),
 * and the service names CDK gives the functions (their {@code Service} dimension).
 */
record EmittedMetrics(Set<String> cloudWatchNames, Map<String, Set<String>> prometheusLabels, Set<String> infraLiterals) {

    private static final Pattern STRING_CONSTANT = Pattern.compile("String\\s+[A-Z][A-Z0-9_]*\\s*=\\s*\"([A-Za-z][A-Za-z0-9]*)\"");
    /** A gauge with its own EMF writer names its metric so (ConfidenceGauge: jorge_ml_predicted_issue_confidence). */
    private static final Pattern GAUGE_CONSTANT = Pattern.compile("String\\s+METRIC\\s*=\\s*\"([a-z][a-z0-9_]*)\"");
    private static final Pattern METRIC_OBJECT = Pattern.compile("new Metric\\(\"([A-Za-z][A-Za-z0-9]*)\"");
    private static final Pattern PROMETHEUS_BUILDER = Pattern.compile(
            "(Counter|Histogram|Gauge|Summary|Info)\\.builder\\(\\)\\s*\\.name\\(\"([a-z_:][a-z0-9_:]*)\"\\)(.*?)\\.register\\(", Pattern.DOTALL);
    private static final Pattern LABEL_NAMES = Pattern.compile("\\.labelNames\\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

    static EmittedMetrics scan(List<Path> mainSources) {
        Set<String> cloudWatch = new HashSet<>();
        Map<String, Set<String>> prometheus = new HashMap<>();
        Set<String> infra = new HashSet<>();
        for (Path file : mainSources) {
            String text = RepositoryFiles.read(file);
            if (file.toString().contains("/infra-cdk/")) {
                Matcher m = LITERAL.matcher(text);
                while (m.find()) infra.add(m.group(1));
                continue;
            }
            // a class that records metrics names them as constants (PlatformMetrics, BiMetrics, ...)
            if (text.contains("metrics.") || text.contains("Metrics") || text.contains("EmfLineWriter")) {
                Matcher m = STRING_CONSTANT.matcher(text);
                while (m.find()) cloudWatch.add(m.group(1));
                m = METRIC_OBJECT.matcher(text);
                while (m.find()) cloudWatch.add(m.group(1));
            }
            Matcher gauge = GAUGE_CONSTANT.matcher(text);
            while (gauge.find()) cloudWatch.add(gauge.group(1));
            if (text.contains("io.prometheus.metrics")) {
                Matcher m = PROMETHEUS_BUILDER.matcher(text);
                while (m.find()) {
                    Set<String> labels = new HashSet<>();
                    Matcher l = LABEL_NAMES.matcher(m.group(3));
                    if (l.find()) {
                        Matcher lit = LITERAL.matcher(l.group(1));
                        while (lit.find()) labels.add(lit.group(1));
                    }
                    String name = m.group(2);
                    if (m.group(1).equals("Histogram")) {
                        Set<String> bucket = new HashSet<>(labels);
                        bucket.add("le");
                        prometheus.put(name + "_bucket", bucket);
                        prometheus.put(name + "_sum", labels);
                        prometheus.put(name + "_count", labels);
                    } else if (m.group(1).equals("Info")) {
                        prometheus.put(name + "_info", labels);
                    } else {
                        prometheus.put(name, labels);
                    }
                }
            }
        }
        return new EmittedMetrics(Set.copyOf(cloudWatch), Map.copyOf(prometheus), Set.copyOf(infra));
    }

    /** Plus the Prometheus series the CloudWatch exporter makes of CloudWatch metrics (checked as CloudWatch references). */
    EmittedMetrics withExported(Map<String, Set<String>> exported) {
        Map<String, Set<String>> all = new HashMap<>(prometheusLabels);
        all.putAll(exported);
        return new EmittedMetrics(cloudWatchNames, Map.copyOf(all), infraLiterals);
    }
}
