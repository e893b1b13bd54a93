package com.jorge.platform.dashboards;

import com.jorge.platform.observability.EmfMetrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what a dashboard or rule names that nothing emits: a metric name (a typo, a renamed constant), a
 * dimension set the metric never carries, a {@code Service} no function has, a Prometheus label the
 * metric lacks, a recording rule no rule file defines.
 */
final class MetricNameCheck {

    static final String NAMESPACE = "JorgePlatform";
    /** EmfMetricsPublisher (gpu-inference): per model and version, per model, shadow copies by role; the queue by service. */
    private static final List<Set<String>> INFERENCE_DIMENSIONS = List.of(Set.of("Model", "ModelVersion"), Set.of("Model"),
            Set.of("Model", "ModelVersion", "Role"), Set.of("Service"));
    /** Gauges with their own EMF writer and their dimension sets (the alert-evaluator's EmfConfidenceGauge: Rule only). */
    private static final Map<String, List<Set<String>>> GAUGE_DIMENSIONS = Map.of("jorge_ml_predicted_issue_confidence", List.of(Set.of("Rule")));
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private final EmittedMetrics emitted;
    private final Map<String, List<Set<String>>> aws;
    private final Set<String> recordingRules;

    MetricNameCheck(EmittedMetrics emitted, Map<String, List<Set<String>>> aws, Set<String> recordingRules) {
        this.emitted = emitted;
        this.aws = aws;
        this.recordingRules = recordingRules;
    }

    /** The check as the tests run it: the repository's code, the AWS vocabulary, the rule files' recording rules. */
    @SuppressWarnings("unchecked")
    static MetricNameCheck ofRepository() {
        Set<String> recorded = new HashSet<>();
        for (Path file : RepositoryFiles.prometheusRuleFiles()) {
            for (Map<String, Object> group : (List<Map<String, Object>>) RepositoryFiles.yaml(file).get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    if (rule.get("record") != null) recorded.add(rule.get("record").toString());
                }
            }
        }
        EmittedMetrics emitted = EmittedMetrics.scan(RepositoryFiles.mainSources())
                .withExported(CloudWatchExporter.ofRepository().prometheusLabels());
        return new MetricNameCheck(emitted, awsVocabulary(), recorded);
    }

    static Map<String, List<Set<String>>> awsVocabulary() {
        Map<String, List<Set<String>>> out = new HashMap<>();
        try {
            Path file = Path.of(MetricNameCheck.class.getResource("/aws-metrics.txt").toURI());
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.trim().split("\\s+");
                List<Set<String>> sets = Arrays.stream(parts[2].split("\\|")).map(s -> Set.of(s.split(","))).toList();
                out.put(parts[0] + "/" + parts[1], sets);
            }
        } catch (Exception e) {
            throw new IllegalStateException("aws-metrics.txt unreadable", e);
        }
        return out;
    }

    List<String> problems(List<MetricReference> references) {
        List<String> out = new ArrayList<>();
        for (MetricReference ref : references) {
            switch (ref) {
                case MetricReference.CloudWatch cw -> cloudWatch(cw, out);
                case MetricReference.PromQl q -> promQl(q, out);
            }
        }
        return out;
    }

    private void cloudWatch(MetricReference.CloudWatch ref, List<String> out) {
        Set<String> keys = ref.dimensions().keySet();
        if (ref.namespace().equals(NAMESPACE)) {
            if (!emitted.cloudWatchNames().contains(ref.metric())) {
                out.add(ref.where() + ": " + NAMESPACE + "/" + ref.metric() + " is emitted nowhere in the code");
                return;
            }
            List<Set<String>> allowed = ref.metric().startsWith("Inference") ? INFERENCE_DIMENSIONS
                    : GAUGE_DIMENSIONS.getOrDefault(ref.metric(), List.of(Set.of("Service"), Set.of(EmfMetrics.dimensionName(ref.metric()))));
            if (!allowed.contains(keys)) {
                out.add(ref.where() + ": " + ref.metric() + " is emitted with dimensions " + allowed + ", not " + keys);
            }
            String service = ref.dimensions().get("Service");
            if (service != null) {
                String value = concrete(service);
                if (value != null && !emitted.infraLiterals().contains(value)) {
                    out.add(ref.where() + ": no function runs as Service=" + value + " (infra-cdk names none)");
                }
            }
            return;
        }
        List<Set<String>> sets = aws.get(ref.namespace() + "/" + ref.metric());
        if (sets == null) {
            out.add(ref.where() + ": " + ref.namespace() + "/" + ref.metric() + " is not a metric AWS publishes (aws-metrics.txt)");
        } else if (!sets.contains(keys)) {
            out.add(ref.where() + ": " + ref.namespace() + "/" + ref.metric() + " has dimensions " + sets + ", not " + keys);
        }
    }

    /** A dimension value as it will be: {@code ${NAME:default}} is its default; a variable without one is unknown (null). */
    private static String concrete(String value) {
        Matcher m = VARIABLE.matcher(value);
        if (!m.find()) return value;
        return m.group(2);
    }

    private void promQl(MetricReference.PromQl ref, List<String> out) {
        Set<String> selectedLabels = new HashSet<>();
        boolean onlyRecorded = true;
        for (var selector : PromQlNames.selectors(ref.expression()).entrySet()) {
            String name = selector.getKey();
            if (name.contains(":")) {
                if (!recordingRules.contains(name)) out.add(ref.where() + ": recording rule " + name + " is defined by no rule file");
                continue;
            }
            onlyRecorded = false;
            Set<String> labels = emitted.prometheusLabels().get(name);
            if (labels == null) {
                out.add(ref.where() + ": Prometheus metric " + name + " is emitted nowhere in the code");
                return; // its labels are unknown: nothing more to say about the grouping
            }
            selectedLabels.addAll(labels);
            for (String label : selector.getValue()) {
                if (!labels.contains(label) && !TARGET_LABELS.contains(label)) {
                    out.add(ref.where() + ": " + name + " has no label " + label + " (it has " + labels + ")");
                }
            }
        }
        if (onlyRecorded) return;
        Set<String> missing = PromQlNames.groupingLabels(ref.expression()).stream()
                .filter(l -> !selectedLabels.contains(l) && !TARGET_LABELS.contains(l)).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!missing.isEmpty()) out.add(ref.where() + ": groups by " + missing + ", labels its metrics do not have");
    }
}
