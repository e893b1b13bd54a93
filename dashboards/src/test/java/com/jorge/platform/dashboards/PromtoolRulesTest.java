package com.jorge.platform.dashboards;

import com.jorge.platform.testkit.OsTools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus rules as Prometheus reads them: {@code promtool check rules} on each rule file and
 * {@code promtool test rules} on each {@code *.test.yml} (Debian package {@code prometheus}; skipped without it).
 */
class PromtoolRulesTest {

    @Test
    void everyRuleFileIsValid() throws Exception {
        Path promtool = OsTools.require(OsTools.PROMTOOL);
        List<Path> files = RepositoryFiles.prometheusRuleFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Result r = run(file.getParent(), promtool.toString(), "check", "rules", file.getFileName().toString());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("SUCCESS");
        }
    }

    @Test
    void everyAlertFiresOnItsBadSeriesAndOnlyThere() throws Exception {
        Path promtool = OsTools.require(OsTools.PROMTOOL);
        for (Path rules : RepositoryFiles.prometheusRuleFiles()) {
            Path tests = rules.resolveSibling(rules.getFileName().toString().replace(".yml", ".test.yml"));
            assertThat(tests).as("every rule file has its unit tests").exists();
            Result r = run(rules.getParent(), promtool.toString(), "test", "rules", tests.getFileName().toString());
            assertThat(r.exit()).as(r.output()).isZero();
            // every alert of the file is exercised by the tests
            for (String alert : alerts(rules)) assertThat(Files.readString(tests)).as("tests for " + alert).contains("alertname: " + alert);
        }
    }

    @Test
    void promtoolFailsARuleTestThatExpectsTheWrongThing() throws Exception {
        Path promtool = OsTools.require(OsTools.PROMTOOL);
        Path dir = Files.createTempDirectory("promtool");
        Path rules = RepositoryFiles.prometheusRuleFiles().getFirst();
        Files.copy(rules, dir.resolve(rules.getFileName()));
        String tests = Files.readString(rules.resolveSibling(rules.getFileName().toString().replace(".yml", ".test.yml")));
        Files.writeString(dir.resolve("wrong.test.yml"), tests.replace("severity: high", "severity: low"));
        Result r = run(dir, promtool.toString(), "test", "rules", "wrong.test.yml");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("FAILED");
    }

    @SuppressWarnings("unchecked")
    private static List<String> alerts(Path rules) {
        return ((List<java.util.Map<String, Object>>) RepositoryFiles.yaml(rules).get("groups")).stream()
                .flatMap(g -> ((List<java.util.Map<String, Object>>) g.get("rules")).stream())
                .filter(r -> r.get("alert") != null).map(r -> r.get("alert").toString()).toList();
    }

    private record Result(int exit, String output) {}

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
