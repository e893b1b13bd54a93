package com.jorge.platform.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's files the checks read: the dashboards, the rules, and every module's main sources. */
final class RepositoryFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private RepositoryFiles() {}

    /** The repository root: the first folder up from the working directory holding dashboards/ and functions/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("dashboards/grafana")) && Files.isDirectory(dir.resolve("functions"))) return dir;
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    static List<Path> grafanaDashboards() {
        return list(root().resolve("dashboards/grafana"), ".json");
    }

    static List<Path> prometheusRuleFiles() {
        return list(root().resolve("dashboards/prometheus"), "-rules.yml");
    }

    /** The CloudWatch exporter's configuration: the CloudWatch metrics Prometheus reads (cloudwatch-exporter.yml). */
    static Path cloudWatchExporterConfig() {
        return root().resolve("dashboards/prometheus/cloudwatch-exporter.yml");
    }

    /** The alert-evaluator's CloudWatch rules (technical alerts). */
    static Path alertEvaluatorRules() {
        return root().resolve("functions/alert-evaluator/src/main/resources/alert-rules.json");
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every src/main/java file of the repository (functions, gpu-inference, infra-cdk, ...), never tests. */
    static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
