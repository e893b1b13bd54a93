package com.jorge.platform.infra;

import static com.jorge.platform.infra.TemplateJson.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch dashboard CDK deploys is checked against {@code dashboards/} (the repository's one place for what
 * people look at, itself checked against the code there): every platform metric it plots ({@code JorgePlatform})
 * is one a Grafana dashboard in {@code dashboards/grafana} plots with the same dimensions, and every AWS metric
 * (name and dimension set) is one {@code dashboards/src/test/resources/aws-metrics.txt} lists from the AWS
 * documentation. So a metric renamed in the code fails the dashboards module, and a CDK widget naming a metric or
 * dimension nobody publishes fails here, instead of drawing an empty graph.
 */
class CloudWatchDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "JorgePlatform";
    /** A cross-stack value inside the dashboard body (a queue name, an alias, a cluster id). */
    private static final String TOKEN = "<token>";
    /** {@code SEARCH('{Namespace,Dim,...} MetricName="Name" ...', ...)}. */
    private static final Pattern SEARCH = Pattern.compile("SEARCH\\('\\{([^}]*)\\}\\s+MetricName=\\\\?\"([A-Za-z0-9_]+)\\\\?\"");

    /** One metric a dashboard names: namespace, name, dimensions (a SEARCH's dimensions have the value {@code *}). */
    record Plotted(String namespace, String name, Map<String, String> dimensions) {
        String key() {
            return namespace + "/" + name + " " + new TreeMap<>(dimensions);
        }
    }

    @Test
    void everyMetricTheCdkDashboardPlotsIsOneDashboardsKnows() throws IOException {
        List<Plotted> cdk = cdkDashboardMetrics();
        assertThat(cdk).as("the parser found the dashboard's metrics").hasSizeGreaterThan(30);
        assertThat(cdk).as("and its search expressions").anyMatch(p -> p.dimensions().containsValue("*"));

        List<Plotted> grafana = grafanaMetrics();
        Map<String, List<Set<String>>> aws = awsMetrics();
        List<String> problems = new ArrayList<>();
        for (Plotted metric : cdk) {
            if (metric.namespace().equals(PLATFORM)) {
                if (grafana.stream().noneMatch(g -> sameMetric(g, metric))) {
                    problems.add(metric.key() + " is plotted by no dashboard in dashboards/grafana");
                }
            } else {
                List<Set<String>> sets = aws.get(metric.namespace() + "/" + metric.name());
                if (sets == null) {
                    problems.add(metric.key() + " is not in dashboards/src/test/resources/aws-metrics.txt");
                } else if (!sets.contains(metric.dimensions().keySet())) {
                    problems.add(metric.key() + ": AWS publishes it with " + sets + ", not " + metric.dimensions().keySet());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aDimensionNobodyPublishesIsCaught() throws IOException {
        Map<String, List<Set<String>>> aws = awsMetrics();
        // what the Redis widgets once named: ElastiCache publishes node metrics per CacheClusterId, not per replication group
        Plotted wrong = new Plotted("AWS/ElastiCache", "EngineCPUUtilization", Map.of("ReplicationGroupId", TOKEN));
        assertThat(aws.get("AWS/ElastiCache/EngineCPUUtilization")).doesNotContain(wrong.dimensions().keySet());
        Plotted renamed = new Plotted(PLATFORM, "BiDaysRecomputedd", Map.of("Service", "bi-aggregator"));
        assertThat(grafanaMetrics()).noneMatch(g -> sameMetric(g, renamed));
        Plotted otherService = new Plotted(PLATFORM, "BiDaysRecomputed", Map.of("Service", "bot-worker"));
        assertThat(grafanaMetrics()).noneMatch(g -> sameMetric(g, otherService));
    }

    /** Same name and dimension names; each value equal, or Grafana's {@code *} (every value), or a cross-stack value. */
    private static boolean sameMetric(Plotted grafana, Plotted cdk) {
        if (!grafana.namespace().equals(cdk.namespace()) || !grafana.name().equals(cdk.name())
                || !grafana.dimensions().keySet().equals(cdk.dimensions().keySet())) {
            return false;
        }
        return cdk.dimensions().entrySet().stream().allMatch(d -> {
            String g = grafana.dimensions().get(d.getKey());
            return g.equals(d.getValue()) || g.equals("*") || d.getValue().equals(TOKEN);
        });
    }

    // ---------------------------------------------------------------- the synthesized CloudWatch dashboard

    static List<Plotted> cdkDashboardMetrics() throws IOException {
        List<Plotted> out = new ArrayList<>();
        for (JsonNode dashboard : resources(SynthesizedPlatform.prod().json("Dashboards"), "AWS::CloudWatch::Dashboard").values()) {
            JsonNode body = JSON.readTree(joined(dashboard.path("Properties").path("DashboardBody")));
            for (JsonNode widget : body.path("widgets")) {
                for (JsonNode line : widget.path("properties").path("metrics")) {
                    plotted(line).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The body is a string, or an Fn::Join of strings and cross-stack values (each read as {@link #TOKEN}). */
    private static String joined(JsonNode body) {
        if (body.isTextual()) return body.asText();
        StringBuilder out = new StringBuilder();
        for (JsonNode part : body.path("Fn::Join").get(1)) {
            out.append(part.isTextual() ? part.asText() : TOKEN);
        }
        return out.toString();
    }

    /** One line of a graph: {@code [namespace, name, dim, value, ..., {options}]} or {@code [{expression}]}. */
    private static List<Plotted> plotted(JsonNode line) {
        List<Plotted> out = new ArrayList<>();
        if (line.get(0).isObject()) {
            Matcher search = SEARCH.matcher(line.get(0).path("expression").asText());
            while (search.find()) {
                List<String> schema = Arrays.stream(search.group(1).split(",")).map(String::strip).toList();
                Map<String, String> dims = new LinkedHashMap<>();
                schema.subList(1, schema.size()).forEach(d -> dims.put(d, "*"));
                out.add(new Plotted(schema.get(0), search.group(2), dims));
            }
            return out;
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (int i = 2; i + 1 < line.size() && line.get(i).isTextual(); i += 2) {
            dims.put(line.get(i).asText(), line.get(i + 1).asText().contains(TOKEN) ? TOKEN : line.get(i + 1).asText());
        }
        out.add(new Plotted(line.get(0).asText(), line.get(1).asText(), dims));
        return out;
    }

    // ---------------------------------------------------------------- dashboards/

    static List<Plotted> grafanaMetrics() throws IOException {
        Path dir = RepositoryLayout.discover().root().resolve("dashboards/grafana");
        List<Plotted> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                Map<String, String> constants = new HashMap<>();
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    if ("constant".equals(variable.path("type").asText())) {
                        constants.put(variable.path("name").asText(), variable.path("query").asText());
                    }
                }
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        if (!target.hasNonNull("namespace") || !target.hasNonNull("metricName")) continue;
                        Map<String, String> dims = new LinkedHashMap<>();
                        target.path("dimensions").properties().forEach(d -> dims.put(d.getKey(), resolve(d.getValue().asText(), constants)));
                        out.add(new Plotted(target.path("namespace").asText(), target.path("metricName").asText(), dims));
                    }
                }
            }
        }
        return out;
    }

    /** {@code ${name}} of a constant variable is its value; any other variable (a textbox) stands for every value. */
    private static String resolve(String value, Map<String, String> constants) {
        Matcher m = Pattern.compile("^\\$\\{(\\w+)}$").matcher(value);
        if (!m.matches()) return value;
        return constants.getOrDefault(m.group(1), "*");
    }

    static Map<String, List<Set<String>>> awsMetrics() throws IOException {
        Path file = RepositoryLayout.discover().root().resolve("dashboards/src/test/resources/aws-metrics.txt");
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.strip().split("\\s+"))
                .collect(Collectors.toMap(parts -> parts[0] + "/" + parts[1],
                        parts -> Arrays.stream(parts[2].split("\\|")).map(s -> Set.of(s.split(","))).toList()));
    }
}
