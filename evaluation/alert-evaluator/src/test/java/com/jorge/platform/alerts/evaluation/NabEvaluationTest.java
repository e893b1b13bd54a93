package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The command end to end on a small corpus in NAB's layout with no published results in it. */
class NabEvaluationTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String LAST_LINE =
            "nabStandard=-?\\d+\\.\\d\\d precision=(NaN|[01]\\.\\d{3}) medianLeadMinutes=(NaN|-?\\d+\\.\\d) windowsWarned=[01]\\.\\d{3}";

    @TempDir
    Path corpus;

    /** Two noisy series stepping up at row 1,500 of 2,000 (five-minute rows), the window around the step. */
    @BeforeEach
    void writeCorpus() throws IOException {
        Files.createDirectories(corpus.resolve("data/synthetic"));
        Files.createDirectories(corpus.resolve("labels"));
        Files.createDirectories(corpus.resolve("config"));
        Files.copy(Path.of("nab/config/profiles.json"), corpus.resolve("config/profiles.json"));
        LocalDateTime t0 = LocalDateTime.parse("2015-03-01T00:00:00");
        StringBuilder windows = new StringBuilder("{");
        Random random = new Random(7);
        for (String name : List.of("step_a.csv", "step_b.csv")) {
            StringBuilder csv = new StringBuilder("timestamp,value\n");
            for (int i = 0; i < 2000; i++) {
                double v = 50 + random.nextGaussian() + (i >= 1500 ? 40 : 0);
                csv.append(t0.plusMinutes(5L * i).format(STAMP)).append(',').append(v).append('\n');
            }
            Files.writeString(corpus.resolve("data/synthetic/" + name), csv);
            if (windows.length() > 1) windows.append(',');
            windows.append("\"synthetic/").append(name).append("\": [[\"").append(t0.plusMinutes(5L * 1450).format(STAMP))
                    .append(".000000\", \"").append(t0.plusMinutes(5L * 1550).format(STAMP)).append(".000000\"]]");
        }
        Files.writeString(corpus.resolve("labels/combined_windows.json"), windows.append('}'));
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NabEvaluation.evaluate(List.of(args), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void printsTheThreeProfilesAndEndsWithTheSummaryLine() {
        // the ensemble catches both short steps; ARTime (the default) is still in its 600-point probation on them
        String[] lines = run("--data", corpus.toString(), "--set", "detector=ensemble");
        String all = String.join("\n", lines);
        assertThat(all).contains("2 series").contains("scorer check skipped").contains("NAB std").contains("low FP").contains("low FN")
                .contains("false/series/wk").doesNotContain("(published)");
        assertThat(lines[lines.length - 1]).matches(LAST_LINE);
        // both steps are caught, and every alert is right
        assertThat(lines[lines.length - 1]).contains("precision=1.000").endsWith("windowsWarned=1.000");
    }

    @Test
    void withNoDetectorSettingItScoresTheLambdasDefaultArtime() {
        String[] lines = run("--data", corpus.toString());
        assertThat(String.join("\n", lines)).contains("== detector: the Lambda's default: ARTime as streamed ArtimeSettings[scaling=HEADROOM, rows=4032, maxCategories=64");
        assertThat(lines[lines.length - 1]).matches(LAST_LINE);
        assertThat(NabEvaluation.detector(java.util.Map.of("spikeZ", "6")).describe()).startsWith("streaming ensemble");
        assertThat(NabEvaluation.detector(java.util.Map.of("detector", "ensemble")).describe()).startsWith("streaming ensemble");
        org.junit.jupiter.api.Assertions.assertThrows(EvaluationArguments.ArgumentsException.class,
                () -> NabEvaluation.detector(java.util.Map.of("detector", "artime-stream", "spikeZ", "6")));
        assertThat(NabEvaluation.detector(java.util.Map.of("artime.quiet", "0")).describe()).contains("quiet=0]");
        assertThat(NabEvaluation.detector(java.util.Map.of()).describe()).contains("quiet=60]");
        org.junit.jupiter.api.Assertions.assertThrows(EvaluationArguments.ArgumentsException.class,
                () -> NabEvaluation.detector(java.util.Map.of("detector", "artime-stream", "artime.quiet", "-1")));
        // the stream's own settings: L (its quiet period follows its step), or a warm-up replay; bad ones refused
        assertThat(NabEvaluation.detector(java.util.Map.of("detector", "artime-stream", "artime.probation", "fixed",
                "artime.maxCategories", "128")).describe()).contains(ArtimeSettingsText.L);
        assertThat(NabEvaluation.detector(java.util.Map.of("detector", "artime-stream", "artime.range", "replay")).describe())
                .contains("scaling=REPLAY, rows=4032, maxCategories=64");
        for (java.util.Map<String, String> bad : java.util.List.of(java.util.Map.of("detector", "artime-stream", "artime.range", "file"),
                java.util.Map.of("detector", "artime-stream", "artime.probation", "file"),
                java.util.Map.of("detector", "artime-stream", "artime.maxCategories", "0"),
                java.util.Map.of("detector", "artime-stream", "artime.threshold", "0.5"))) {
            org.junit.jupiter.api.Assertions.assertThrows(EvaluationArguments.ArgumentsException.class, () -> NabEvaluation.detector(bad), bad.toString());
        }
    }

    @Test
    void evaluatesOnlyTheListedSeries() throws IOException {
        Path list = Files.writeString(corpus.resolve("one.txt"), "# the first only\nsynthetic/step_a.csv\n");
        String all = String.join("\n", run("--data", corpus.toString(), "--series", list.toString()));
        assertThat(all).contains("1 series").contains("synthetic/step_a.csv").doesNotContain("synthetic/step_b.csv");
    }

    @Test
    void aListedSeriesTheCorpusDoesNotHaveIsAnError() throws IOException {
        Path list = Files.writeString(corpus.resolve("bad.txt"), "synthetic/nope.csv\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NabEvaluation.evaluate(List.of("--data", corpus.toString(), "--series", list.toString()), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("synthetic/nope.csv");
    }

    /** The threshold forecaster alone (the five anomaly parts off), as the "predicted breach" side. */
    private static final String[] FORECASTER_ONLY = {"--set", "spike=off", "--set", "likelihood=off", "--set", "entropy=off",
            "--set", "season=off", "--set", "art=off", "--set", "forecaster=on"};

    private String forecasterRun() {
        List<String> args = new java.util.ArrayList<>(List.of("--data", corpus.toString()));
        args.addAll(List.of(FORECASTER_ONLY));
        return String.join("\n", run(args.toArray(String[]::new)));
    }

    @Test
    void theForecasterUsesTheOperatorsLineFromThresholdsJsonWhenTheFolderHasOne() throws IOException {
        // without a line: both sides of the probation's range, which the step to 90 crosses
        assertThat(forecasterRun()).containsPattern("synthetic/step_a.csv\\s+[1-9]\\d*/[1-9]");
        // the operator's line at 200 is never crossed or approached: no predicted breach on step_a; step_b has none
        Files.writeString(corpus.resolve("thresholds.json"), "{\"synthetic/step_a.csv\": {\"threshold\": 200, \"direction\": \"ABOVE\"}}");
        String all = forecasterRun();
        assertThat(all).containsPattern("synthetic/step_a.csv\\s+0/0").containsPattern("synthetic/step_b.csv\\s+[1-9]\\d*/[1-9]");
        assertThat(new NabCorpus(corpus).linesOf("synthetic/step_a.csv")).containsExactly(new NabCorpus.OperatorLine(200, com.jorge.platform.alerts.rules.Direction.ABOVE));
    }

    @Test
    void aThresholdWithoutADirectionIsRefusedWithTheSeriesNamed() throws IOException {
        Files.writeString(corpus.resolve("thresholds.json"), "{\"synthetic/step_a.csv\": {\"threshold\": 200, \"direction\": \"UP\"}}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NabCorpus(corpus).linesOf("synthetic/step_a.csv"))
                .hasMessageContaining("synthetic/step_a.csv").hasMessageContaining("ABOVE or BELOW");
    }

    @Test
    void aForecasterSettingWithoutTheForecasterIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NabEvaluation.evaluate(List.of("--data", corpus.toString(), "--set", "forecaster.trendWindow=20"), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("forecaster.trendWindow needs forecaster=on");
    }

    /** Variant L as the stream's settings print it. */
    private static final class ArtimeSettingsText {
        static final String L = "ArtimeSettings[scaling=HEADROOM, rows=5000, maxCategories=128, threshold=0.317486, quiet=84]";
    }
}
