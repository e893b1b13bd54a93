package com.jorge.platform.alerts.evaluation;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cross-validation by series: stratified folds, the grid crossed, the choice made without the left-out fold. */
class CrossValidationTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path corpus;

    @Test
    void foldsAreStratifiedByCategoryCoverEverySeriesOnceAndAreTheSameEachTime() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) names.add("artificial/a" + i + ".csv");
        for (int i = 0; i < 11; i++) names.add("aws/b" + i + ".csv");
        for (int i = 0; i < 5; i++) names.add("known/c" + i + ".csv");
        List<List<String>> folds = CrossValidation.folds(names, 5, 17);
        assertThat(folds).hasSize(5);
        assertThat(folds.stream().flatMap(List::stream).sorted().toList()).isEqualTo(names.stream().sorted().toList());
        for (List<String> fold : folds) {
            assertThat(fold).hasSize(4);
            // 11 AWS series over 5 folds: 2 or 3 in each, never 0 or 4
            assertThat(fold.stream().filter(n -> n.startsWith("aws/")).count()).isBetween(2L, 3L);
            assertThat(fold.stream().filter(n -> n.startsWith("known/")).count()).isEqualTo(1L);
        }
        assertThat(CrossValidation.folds(names, 5, 17)).isEqualTo(folds);
        // more folds than series: leave one series out
        assertThat(CrossValidation.folds(names, 99, 17)).hasSize(20).allSatisfy(f -> assertThat(f).hasSize(1));
    }

    /** Leave one category out: one fold per category, whatever the categories' sizes, every series once, the same each time. */
    @Test
    void categoryFoldsAreTheCategories() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 11; i++) names.add("aws/b" + i + ".csv");
        for (int i = 0; i < 4; i++) names.add("artificial/a" + i + ".csv");
        for (int i = 0; i < 5; i++) names.add("known/c" + i + ".csv");
        List<List<String>> folds = CrossValidation.categoryFolds(names);
        assertThat(folds).hasSize(3);
        assertThat(folds.get(0)).hasSize(4).allSatisfy(n -> assertThat(n).startsWith("artificial/"));
        assertThat(folds.get(1)).hasSize(11).allSatisfy(n -> assertThat(n).startsWith("aws/"));
        assertThat(folds.get(2)).hasSize(5).allSatisfy(n -> assertThat(n).startsWith("known/"));
        assertThat(CrossValidation.categoryFolds(names)).isEqualTo(folds);
        assertThat(CrossValidation.categoryFolds(names.reversed())).isEqualTo(folds);
    }

    @Test
    void theGridIsCrossedOnTopOfTheFixedSettings() {
        List<Map<String, String>> c = CrossValidation.candidates(Map.of("quiet", "100"),
                new java.util.LinkedHashMap<>(Map.of("spikeZ", List.of("6", "8"))));
        assertThat(c).containsExactly(Map.of("quiet", "100", "spikeZ", "6"), Map.of("quiet", "100", "spikeZ", "8"));
        var grid = new java.util.LinkedHashMap<String, List<String>>();
        grid.put("spikeZ", List.of("6", "8"));
        grid.put("art", List.of("on", "off"));
        assertThat(CrossValidation.candidates(Map.of(), grid)).hasSize(4);
        assertThat(CrossValidation.candidates(Map.of(), Map.of())).containsExactly(Map.of());
    }

    private static CrossValidation.SeriesResult raw(double score) {
        NabFileScore s = new NabFileScore(score, 0, 0, 0, 0, 1);
        return new CrossValidation.SeriesResult(Map.of("standard", s, "reward_low_FP_rate", s, "reward_low_FN_rate", s), List.of());
    }

    /**
     * Candidate 0 (listed first: the simpler one) against candidate 1, which gains 1.5 on a single series of ten: the best
     * score picks 1; the one-standard-error rule keeps 0, a gain on one series being within its error. A gain of 0.3 on
     * every series is not within it: both rules pick that.
     */
    @Test
    void theOneStandardErrorRulePrefersTheFirstCandidateUnlessTheGainIsBroad() {
        NabScorer standard = new NabScorer(new CostProfile(1.0, 0.11, 1.0));
        List<Integer> all = java.util.stream.IntStream.range(0, 10).boxed().toList();
        List<CrossValidation.SeriesResult> plain = all.stream().map(i -> raw(0.5)).toList();
        List<CrossValidation.SeriesResult> oneSeries = all.stream().map(i -> raw(i == 3 ? 2.0 : 0.5)).toList();
        List<CrossValidation.SeriesResult> broad = all.stream().map(i -> raw(0.8)).toList();
        assertThat(CrossValidation.choose(List.of(plain, oneSeries), all, standard, false)).isEqualTo(1);
        assertThat(CrossValidation.choose(List.of(plain, oneSeries), all, standard, true)).isZero();
        assertThat(CrossValidation.choose(List.of(plain, broad), all, standard, false)).isEqualTo(1);
        assertThat(CrossValidation.choose(List.of(plain, broad), all, standard, true)).isEqualTo(1);
        // chosen on the series given only: without series 3, the one-series candidate gains nothing
        assertThat(CrossValidation.choose(List.of(plain, oneSeries), all.stream().filter(i -> i != 3).toList(), standard, false)).isZero();
    }

    /** Four series in two categories stepping up: a plain run, the same as one candidate's cross-validation, and a grid's. */
    @Test
    void aGridRunPrintsItsFoldsChoicesAndTheOutOfFoldLine() throws IOException {
        Files.createDirectories(corpus.resolve("labels"));
        Files.createDirectories(corpus.resolve("config"));
        Files.copy(Path.of("nab/config/profiles.json"), corpus.resolve("config/profiles.json"));
        LocalDateTime t0 = LocalDateTime.parse("2015-03-01T00:00:00");
        StringBuilder windows = new StringBuilder("{");
        Random random = new Random(11);
        String[][] series = {{"one", "a.csv", "40"}, {"one", "b.csv", "40"}, {"two", "c.csv", "40"}, {"two", "d.csv", "6"}};
        for (String[] s : series) {
            Files.createDirectories(corpus.resolve("data/" + s[0]));
            StringBuilder csv = new StringBuilder("timestamp,value\n");
            for (int i = 0; i < 2000; i++) {
                double v = 50 + random.nextGaussian() + (i >= 1500 ? Double.parseDouble(s[2]) : 0);
                csv.append(t0.plusMinutes(5L * i).format(STAMP)).append(',').append(v).append('\n');
            }
            Files.writeString(corpus.resolve("data/" + s[0] + "/" + s[1]), csv);
            if (windows.length() > 1) windows.append(',');
            windows.append("\"").append(s[0]).append('/').append(s[1]).append("\": [[\"").append(t0.plusMinutes(5L * 1450).format(STAMP))
                    .append(".000000\", \"").append(t0.plusMinutes(5L * 1550).format(STAMP)).append(".000000\"]]");
        }
        Files.writeString(corpus.resolve("labels/combined_windows.json"), windows.append('}'));

        String[] plain = run("--data", corpus.toString());
        String[] fixed = run("--data", corpus.toString(), "--cv", "2");
        // one candidate: out of fold is a plain run
        assertThat(fixed[fixed.length - 1]).isEqualTo("cvFolds=2 " + plain[plain.length - 1]);
        String[] chosen = run("--data", corpus.toString(), "--cv", "4", "--grid", "spikeZ=8,5");
        String all = String.join("\n", chosen);
        assertThat(all).contains("4 folds").contains("2 candidates").contains("fold 1:").contains("chosen per fold")
                .contains("== out of fold");
        assertThat(chosen[chosen.length - 1]).matches("cvFolds=4 nabStandard=-?\\d+\\.\\d\\d precision=(NaN|[01]\\.\\d{3}) "
                + "medianLeadMinutes=(NaN|-?\\d+\\.\\d) windowsWarned=[01]\\.\\d{3}");
        // leave one category out: two categories, two folds; one candidate is a plain run again
        String[] byCategory = run("--data", corpus.toString(), "--cv", "category");
        assertThat(String.join("\n", byCategory)).contains("2 folds (leave one category out)").contains("fold 1: one/a.csv one/b.csv")
                .contains("fold 2: two/c.csv two/d.csv");
        assertThat(byCategory[byCategory.length - 1]).isEqualTo("cvFolds=2 " + plain[plain.length - 1]);
        String[] categoryGrid = run("--data", corpus.toString(), "--cv=category", "--grid", "spikeZ=8,5");
        assertThat(categoryGrid[categoryGrid.length - 1]).startsWith("cvFolds=2 nabStandard=");
    }

    @Test
    void theCommandLineRefusesAGridWithoutFoldsAndBadFolds() throws IOException {
        Files.createDirectories(corpus.resolve("data"));
        Files.createDirectories(corpus.resolve("labels"));
        Files.writeString(corpus.resolve("labels/combined_windows.json"), "{}");
        String data = corpus.toString();
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--grid", "spikeZ=6,8"), null))
                .hasMessageContaining("--grid needs --cv");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--cv", "1"), null)).hasMessageContaining("2 or more");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--cv", "five"), null)).hasMessageContaining("'five'")
                .hasMessageContaining("'category'");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--cv", "category", "--ramps"), null))
                .hasMessageContaining("--ramps");
        EvaluationArguments loco = EvaluationArguments.parse(List.of("--data", data, "--cv", "category"), null);
        assertThat(loco.crossValidation()).isTrue();
        assertThat(loco.byCategory()).isTrue();
        assertThat(EvaluationArguments.parse(List.of("--data", data, "--cv", "5"), null).byCategory()).isFalse();
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--cv", "5", "--grid", "spikeZ=6,6"), null))
                .hasMessageContaining("repeated");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--cv", "5", "--grid", "spikeZ"), null))
                .hasMessageContaining("name=v1,v2");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--cv", "5", "--set", "spikeZ=6", "--grid", "spikeZ=7,8"), null))
                .hasMessageContaining("both --set and --grid");
        EvaluationArguments a = EvaluationArguments.parse(List.of("--data", data, "--cv=5", "--grid", "spikeZ=6,8", "--grid=art=on,off"), null);
        assertThat(a.folds()).isEqualTo(5);
        assertThat(a.grid()).containsExactly(Map.entry("spikeZ", List.of("6", "8")), Map.entry("art", List.of("on", "off")));
        // an unknown setting in the grid: exit 2 before anything runs
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(NabEvaluation.evaluate(List.of("--data", data, "--cv", "2", "--grid", "noSuchSetting=1,2"), null,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("noSuchSetting");
    }

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = NabEvaluation.evaluate(List.of(args), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }
}
