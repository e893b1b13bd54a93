package com.jorge.platform.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboards load by file provisioning: a uid and title each, unique panel ids, every data source a variable they define. */
class GrafanaDashboardsTest {

    @Test
    void everyDashboardIsProvisionable() {
        List<Path> files = RepositoryFiles.grafanaDashboards();
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("operations.json", "business.json", "bots.json",
                "ml-inference.json", "cache.json", "coaching.json");
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode d = RepositoryFiles.json(file);
            assertThat(d.path("uid").asText()).as(file + " uid").isNotBlank();
            assertThat(uids.add(d.path("uid").asText())).as(file + " uid unique").isTrue();
            assertThat(d.path("title").asText()).isNotBlank();
            assertThat(d.has("id")).as("no database id in a provisioned dashboard").isFalse();
            Set<String> variables = new HashSet<>();
            d.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as(file + " panel id " + panel.path("id")).isTrue();
                assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
                for (JsonNode target : panel.path("targets")) {
                    String uid = target.path("datasource").path("uid").asText();
                    if (uid.equals("__expr__")) continue;
                    assertThat(uid).as(panel.path("title") + " picks its data source by a variable").matches("\\$\\{[a-z_]+}");
                    assertThat(variables).contains(uid.substring(2, uid.length() - 1));
                }
            }
            assertThat(ids).as(file + " has panels").hasSizeGreaterThan(5);
        }
    }

    @Test
    void theBotsDashboardShowsTheAutonomyRateAndTheMlOneTheInferenceTierAndThePredictedIssueConfidence() {
        List<MetricReference> bots = MetricReference.inDashboard("bots.json", RepositoryFiles.json(dashboard("bots.json")));
        assertThat(bots).filteredOn(r -> r instanceof MetricReference.CloudWatch cw && cw.metric().equals("BotActions"))
                .extracting(r -> ((MetricReference.CloudWatch) r).dimensions().get("Kind")).contains("autonomous", "needs_person");
        List<MetricReference> ml = MetricReference.inDashboard("ml-inference.json", RepositoryFiles.json(dashboard("ml-inference.json")));
        assertThat(ml).filteredOn(r -> r instanceof MetricReference.PromQl).hasSizeGreaterThanOrEqualTo(8);
        assertThat(ml).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(MetricReference.CloudWatch.class,
                cw -> assertThat(cw.metric()).isEqualTo("jorge_ml_predicted_issue_confidence")));
    }

    private static Path dashboard(String name) {
        return RepositoryFiles.grafanaDashboards().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
}
