package com.jorge.platform.bi.experiments;

import com.jorge.platform.bi.BiReport;
import com.jorge.platform.experiments.Experiment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expected values computed independently (Python's statistics.NormalDist and math, the textbook formulas). */
class ProportionTestTest {

    @Test
    void intervalsAndTheTwoProportionTest() {
        assertThat(ProportionTest.wilson(200, 1000, 0.05)).containsExactly(new double[] {0.176377, 0.225919}, within(1e-6));
        assertThat(ProportionTest.differenceInterval(200, 1000, 250, 1000, 0.05))
                .containsExactly(new double[] {0.013464, 0.086536}, within(1e-6));
        assertThat(ProportionTest.pValue(200, 1000, 250, 1000)).isCloseTo(0.0074196, within(1e-7));
        assertThat(ProportionTest.pValue(0, 10, 0, 10)).isEqualTo(1.0);
        assertThat(ProportionTest.wilson(0, 0, 0.05)).isNull();
    }

    @Test
    void sampleRatioMismatch() {
        assertThat(ProportionTest.sampleRatioPValue(new long[] {1000, 1100}, new int[] {1, 1})).isCloseTo(0.029096, within(1e-6));
        assertThat(ProportionTest.sampleRatioPValue(new long[] {1000, 1200}, new int[] {1, 1})).isCloseTo(2.00787e-5, within(1e-9));
        assertThat(ProportionTest.sampleRatioPValue(new long[] {300, 300, 400}, new int[] {1, 1, 1})).isCloseTo(4.53999e-5, within(1e-9));
        // 3:1 weights and a 3:1 split fit perfectly
        assertThat(ProportionTest.sampleRatioPValue(new long[] {750, 250}, new int[] {3, 1})).isEqualTo(1.0);
    }

    static Experiment experiment(int planned) {
        return new Experiment("opener", "bot_script", "qualified",
                List.of(new Experiment.Variant("control", 1), new Experiment.Variant("short", 1)), planned, 0.05,
                LocalDate.of(2026, 4, 1), null);
    }

    @Test
    void noWinnerIsCalledBeforeThePlannedSampleEvenWhenTheDifferenceLooksSignificant() {
        long[][] counts = {{1000, 200}, {1000, 250}}; // p = 0.0074
        BiReport.ExperimentResult early = ExperimentReader.result(experiment(1001), counts);
        assertThat(early.decision()).isEqualTo("collecting");
        assertThat(early.winner()).isNull();
        BiReport.ExperimentResult done = ExperimentReader.result(experiment(1000), counts);
        assertThat(done.decision()).isEqualTo("significant");
        assertThat(done.winner()).isEqualTo("short");
        assertThat(done.variants().get(1).vsControl().pValue()).isEqualTo(0.0074);
        assertThat(done.variants().get(0).ciLow()).isEqualTo(0.1764);
    }

    @Test
    void aLopsidedSplitIsFlaggedInsteadOfJudged() {
        BiReport.ExperimentResult r = ExperimentReader.result(experiment(10), new long[][] {{1000, 200}, {1200, 300}});
        assertThat(r.decision()).isEqualTo("sample_ratio_mismatch");
        assertThat(r.winner()).isNull();
        assertThat(ExperimentReader.result(experiment(10), new long[][] {{1000, 200}, {1100, 225}}).decision())
                .isEqualTo("no_difference");
    }
}
