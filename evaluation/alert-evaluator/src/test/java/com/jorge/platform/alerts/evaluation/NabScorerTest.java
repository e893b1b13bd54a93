package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NabScorerTest {

    private static final CostProfile STANDARD = new CostProfile(1.0, 0.11, 1.0);
    private static final LocalDateTime T0 = LocalDateTime.parse("2014-01-01T00:00:00");
    private final NabScorer scorer = new NabScorer(STANDARD);

    /** 100 rows five minutes apart (probation = 15 rows), one window over rows 50..59. */
    private static List<LocalDateTime> rows() {
        List<LocalDateTime> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) out.add(T0.plusMinutes(5L * i));
        return out;
    }

    private static final List<NabWindow> WINDOW = List.of(new NabWindow(T0.plusMinutes(250), T0.plusMinutes(295)));

    private static double[] detectionsAt(int... rows) {
        double[] scores = new double[100];
        for (int r : rows) scores[r] = 1.0;
        return scores;
    }

    @Test
    void theScaledSigmoidHasNabsShape() {
        assertThat(NabScorer.scaledSigmoid(-1.0)).isCloseTo(0.98661, within(1e-5));
        assertThat(NabScorer.scaledSigmoid(-0.5)).isCloseTo(0.84828, within(1e-5));
        assertThat(NabScorer.scaledSigmoid(0.0)).isCloseTo(0.0, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(3.0)).isEqualTo(-1.0);
        assertThat(NabScorer.probationaryLength(100)).isEqualTo(15);
        assertThat(NabScorer.probationaryLength(22695)).isEqualTo(750);
    }

    @Test
    void missingEveryWindowCostsTheFalseNegativeWeight() {
        NabFileScore s = scorer.score(rows(), detectionsAt(), WINDOW, 0.5);
        assertThat(s.score()).isEqualTo(-1.0);
        assertThat(s.windows()).isEqualTo(1);
        assertThat(List.of(s.tp(), s.tn(), s.fp(), s.fn())).containsExactly(0, 75, 0, 10);
    }

    @Test
    void aDetectionAtTheWindowsLeftEdgeEarnsTheFullTruePositiveWeightAndLaterOnesLess() {
        assertThat(scorer.score(rows(), detectionsAt(50), WINDOW, 0.5).score()).isCloseTo(1.0, within(1e-12));
        double late = scorer.score(rows(), detectionsAt(59), WINDOW, 0.5).score();
        assertThat(late).isBetween(0.0, 0.3);
        // only the earliest detection in a window counts; the others change the row counts only
        NabFileScore both = scorer.score(rows(), detectionsAt(50, 59), WINDOW, 0.5);
        assertThat(both.score()).isCloseTo(1.0, within(1e-12));
        assertThat(both.tp()).isEqualTo(2);
    }

    @Test
    void falsePositivesCostLessRightAfterAWindowAndTheFullWeightFarFromOne() {
        // before any window: -fp weight; on top of the missed window's -1
        assertThat(scorer.score(rows(), detectionsAt(20), WINDOW, 0.5).score()).isCloseTo(-1.11, within(1e-12));
        // just after the window the sigmoid barely counts it
        double justAfter = scorer.score(rows(), detectionsAt(60), WINDOW, 0.5).score();
        assertThat(justAfter).isBetween(-1.11, -1.0);
        assertThat(justAfter).isGreaterThan(-1.06);
        // three window-widths past it: the full -0.11
        assertThat(scorer.score(rows(), detectionsAt(90), WINDOW, 0.5).score()).isCloseTo(-1.11, within(1e-12));
    }

    @Test
    void detectionsInTheProbationaryPeriodAreNotScored() {
        NabFileScore s = scorer.score(rows(), detectionsAt(3, 10), WINDOW, 0.5);
        assertThat(s.score()).isEqualTo(-1.0);
        assertThat(s.total()).isEqualTo(85);
        assertThat(s.fp()).isZero();
    }

    @Test
    void theThresholdDecidesWhatIsADetection() {
        double[] scores = detectionsAt(50);
        scores[50] = 0.7;
        assertThat(scorer.score(rows(), scores, WINDOW, 0.7).score()).isCloseTo(1.0, within(1e-12));
        assertThat(scorer.score(rows(), scores, WINDOW, 0.71).score()).isEqualTo(-1.0);
    }

    @Test
    void theNormalisedScoreRunsFromNeverDetectingToPerfect() {
        NabFileScore none = scorer.score(rows(), detectionsAt(), WINDOW, 0.5);
        NabFileScore perfect = scorer.score(rows(), detectionsAt(50), WINDOW, 0.5);
        assertThat(scorer.normalised(List.of(none, none))).isCloseTo(0.0, within(1e-9));
        assertThat(scorer.normalised(List.of(perfect, perfect))).isCloseTo(100.0, within(1e-9));
        assertThat(scorer.normalised(List.of(perfect, none))).isCloseTo(50.0, within(1e-9));
        assertThat(scorer.normalised(-0.11, 0)).as("no window (artificialNoAnomaly alone): undefined, not -Infinity").isNaN();
    }

    @Test
    void reproducesNabsPublishedWindowedGaussianResultOnTheRequestLatencyFile() {
        // the copy of NAB in this module: published score 2.02150685678, TP 8, TN 3082, FP 0, FN 338
        NabCorpus corpus = new NabCorpus(Path.of("nab"));
        String file = "realKnownCause/ec2_request_latency_system_failure.csv";
        NabCorpus.Columns ref = corpus.reference("windowedGaussian", file);
        NabFileScore s = new NabScorer(corpus.profile("standard")).score(ref.timestamps(), ref.values(), corpus.windowsOf(file), 1.0);
        assertThat(s.score()).isCloseTo(2.02150685678, within(1e-9));
        assertThat(List.of(s.tp(), s.tn(), s.fp(), s.fn())).containsExactly(8, 3082, 0, 338);
    }
}
