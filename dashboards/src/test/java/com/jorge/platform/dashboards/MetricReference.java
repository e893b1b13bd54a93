package com.jorge.platform.dashboards;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A metric a dashboard panel or an alert rule names, and where. */
sealed interface MetricReference {

    /** "file: panel or rule" for the failure message. */
    String where();

    record CloudWatch(String where, String namespace, String metric, Map<String, String> dimensions) implements MetricReference {}

    record PromQl(String where, String expression) implements MetricReference {}

    /** Every metric the Grafana dashboards, the Prometheus rules and the alert-evaluator's rules name. */
    static List<MetricReference> all() {
        List<MetricReference> out = new ArrayList<>();
        for (Path file : RepositoryFiles.grafanaDashboards()) out.addAll(inDashboard(file.getFileName().toString(), RepositoryFiles.json(file)));
        for (Path file : RepositoryFiles.prometheusRuleFiles()) out.addAll(inPrometheusRules(file));
        out.addAll(inAlertEvaluatorRules(RepositoryFiles.alertEvaluatorRules()));
        out.addAll(CloudWatchExporter.ofRepository().sources());
        return out;
    }

    static List<MetricReference> inDashboard(String name, JsonNode dashboard) {
        List<MetricReference> out = new ArrayList<>();
        Map<String, String> constants = new LinkedHashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("constant")) constants.put(variable.path("name").asText(), variable.path("query").asText());
        }
        for (JsonNode panel : dashboard.path("panels")) {
            String where = name + ": " + panel.path("title").asText();
            for (JsonNode target : panel.path("targets")) {
                String type = target.path("datasource").path("type").asText();
                switch (type) {
                    case "cloudwatch" -> out.add(new CloudWatch(where, target.path("namespace").asText(),
                            target.path("metricName").asText(), resolved(strings(target.path("dimensions")), constants)));
                    case "prometheus" -> out.add(new PromQl(where, target.path("expr").asText()));
                    default -> { }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<MetricReference> inPrometheusRules(Path file) {
        List<MetricReference> out = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) RepositoryFiles.yaml(file).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
                out.add(new PromQl(file.getFileName() + ": " + name, String.valueOf(rule.get("expr"))));
            }
        }
        return out;
    }

    static List<MetricReference> inAlertEvaluatorRules(Path file) {
        List<MetricReference> out = new ArrayList<>();
        for (JsonNode rule : RepositoryFiles.json(file).path("rules")) {
            out.add(new CloudWatch(file.getFileName() + ": " + rule.path("name").asText(), rule.path("namespace").asText(),
                    rule.path("metric").asText(), strings(rule.path("dimensions"))));
        }
        return out;
    }

    /** A dashboard's constant variables put in place ({@code ${queue}} is lead-events.fifo); other variables stay. */
    private static Map<String, String> resolved(Map<String, String> dimensions, Map<String, String> constants) {
        Map<String, String> out = new LinkedHashMap<>();
        dimensions.forEach((k, v) -> {
            String value = v;
            for (var c : constants.entrySet()) value = value.replace("${" + c.getKey() + "}", c.getValue());
            out.put(k, value);
        });
        return out;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
