package com.jorge.platform.bi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL panel of the Grafana dashboards (dashboards/grafana at the repository root) runs on the real
 * migrated schema and returns rows with figures on the seeded month ({@link SampleLocation}), with the
 * macros Grafana's PostgreSQL data source expands put in place the way it expands them.
 */
class DashboardSqlPanelsTest extends BiStoreTest {

    record Panel(String where, String sql) {}

    static BiTestRig rig;
    static List<Panel> panels;

    @BeforeAll
    static void seed() throws Exception {
        rig = SampleLocation.rig(store);
        SampleLocation.seed(rig);
        panels = sqlPanels();
    }

    @Test
    void everySqlPanelRunsAndReturnsFiguresOnTheSeededMonth() {
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        List<String> empty = new ArrayList<>();
        for (Panel panel : panels) {
            List<Map<String, String>> rows = rig.query(expand(panel.sql(), "2026-03-01T00:00:00Z", "2026-03-21T00:00:00Z"));
            boolean figures = rows.stream().anyMatch(r -> r.values().stream().anyMatch(SampleFigures::nonZeroNumber));
            if (rows.isEmpty() || !figures) empty.add(panel.where() + " -> " + rows);
        }
        assertThat(empty).as("panels without figures on the seeded month").isEmpty();
    }

    @Test
    void theFunnelPanelCountsWhatTheReportCounts() {
        Panel funnel = panels.stream().filter(p -> p.where().endsWith("Lead funnel")).findFirst().orElseThrow();
        Map<String, String> row = rig.query(expand(funnel.sql(), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).getFirst();
        BiReport report = rig.reports.report(SampleLocation.LOC, SampleLocation.FROM, SampleLocation.TO);
        assertThat(row.get("new leads")).isEqualTo(Integer.toString(report.funnel().newLeads()));
        assertThat(row.get("qualified")).isEqualTo(Integer.toString(report.funnel().qualified()));
        assertThat(row.get("hot")).isEqualTo(Integer.toString(report.funnel().hot()));
        assertThat(row.get("new leads")).isEqualTo("12");
    }

    @Test
    void theObjectionPanelCountsWhatTheReportCounts() {
        Panel objections = panels.stream().filter(p -> p.where().endsWith("Objection outcomes")).findFirst().orElseThrow();
        List<Map<String, String>> rows = rig.query(expand(objections.sql(), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"));
        BiReport report = rig.reports.report(SampleLocation.LOC, SampleLocation.FROM, SampleLocation.TO);
        assertThat(report.objections()).hasSize(2);
        assertThat(rows).hasSize(report.objections().size());
        for (BiReport.ObjectionOutcome o : report.objections()) {
            Map<String, String> row = rows.stream().filter(r -> o.objection().equals(r.get("objection"))).findFirst().orElseThrow();
            assertThat(List.of(row.get("leads"), row.get("wrote again"), row.get("qualified"), row.get("appointment"),
                    row.get("opted out"), row.get("won"))).as(o.objection())
                    .containsExactly(Integer.toString(o.leads()), Integer.toString(o.wroteAgain()), Integer.toString(o.qualified()),
                            Integer.toString(o.appointment()), Integer.toString(o.optedOut()), Integer.toString(o.won()));
        }
        // lead 0: "too expensive", then HOT, an appointment and a won deal
        assertThat(report.objections()).anySatisfy(o -> assertThat(o).isEqualTo(
                new BiReport.ObjectionOutcome("price_too_high", 1, 1, 1, 1, 1, 0, 1, 1.0, 1.0, 1.0, 0.0, 1.0)));
    }

    @Test
    void aPanelOnAnotherLocationFindsNothing() {
        Panel funnel = panels.stream().filter(p -> p.where().endsWith("New and qualified leads per day")).findFirst().orElseThrow();
        String sql = expand(funnel.sql(), "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z").replace(SampleLocation.LOC, "loc-other");
        assertThat(rig.query(sql)).isEmpty();
    }

    /** Grafana's expansion: $__timeFrom()/$__timeTo() become quoted RFC 3339 instants; variables their values. */
    static String expand(String sql, String from, String to) {
        return sql.replace("$__timeFrom()", "'" + from + "'").replace("$__timeTo()", "'" + to + "'")
                .replace("$location", SampleLocation.LOC).replace("$commission_rate", "0.03");
    }

    static List<Panel> sqlPanels() throws Exception {
        Path dir = repositoryRoot().resolve("dashboards/grafana");
        List<Panel> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        if (target.has("rawSql")) {
                            out.add(new Panel(file.getFileName() + ": " + panel.path("title").asText(), target.path("rawSql").asText()));
                        }
                    }
                }
            }
        }
        return out;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("dashboards/grafana"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("dashboards/grafana not found above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** Cells as the rig reads them (text). */
    static final class SampleFigures {
        static boolean nonZeroNumber(String cell) {
            if (cell == null) return false;
            try {
                return new java.math.BigDecimal(cell).signum() != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
