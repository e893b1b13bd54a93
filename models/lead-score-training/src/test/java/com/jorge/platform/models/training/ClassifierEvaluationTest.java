package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassifierEvaluationTest {

    @Test
    void rocAucCountsOrderedPairsAndHalfOfTies() {
        // positives at 0.9 and 0.4; negatives at 0.8, 0.4, 0.1: pairs won 2 + 0.5 + 1 + 0 ... = (1+1+1) + (0+0.5+1) = 4.5 of 6
        double[] p = {0.9, 0.8, 0.4, 0.4, 0.1};
        boolean[] y = {true, false, true, false, false};
        assertThat(ClassifierEvaluation.of(p, y).rocAuc()).isCloseTo(4.5 / 6, within(1e-12));
        assertThat(ClassifierEvaluation.of(new double[] {0.1, 0.9}, new boolean[] {false, true}).rocAuc()).isEqualTo(1.0);
        assertThat(ClassifierEvaluation.of(new double[] {0.9, 0.1}, new boolean[] {false, true}).rocAuc()).isEqualTo(0.0);
    }

    @Test
    void averagePrecisionIsTheMeanPrecisionAtEachConvertedLead() {
        // ranked: +, -, +, -  -> precision at the positives 1/1 and 2/3
        double[] p = {0.9, 0.7, 0.5, 0.2};
        boolean[] y = {true, false, true, false};
        assertThat(ClassifierEvaluation.of(p, y).prAuc()).isCloseTo((1.0 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void brierLogLossAndCalibrationTable() {
        double[] p = {0.05, 0.15, 0.95, 0.95};
        boolean[] y = {false, true, true, false};
        ClassifierEvaluation e = ClassifierEvaluation.of(p, y);
        assertThat(e.brier()).isCloseTo((0.0025 + 0.7225 + 0.0025 + 0.9025) / 4, within(1e-12));
        assertThat(e.calibration()).hasSize(10);
        assertThat(e.calibration().get(9).count()).isEqualTo(2);
        assertThat(e.calibration().get(9).observedRate()).isEqualTo(0.5);
        assertThat(e.calibration().get(0).meanPredicted()).isCloseTo(0.05, within(1e-12));
        assertThat(e.calibration().get(5).count()).isZero();
        assertThat(e.logLoss()).isGreaterThan(0);
    }

    @Test
    void hotThresholdMaximisesF1AndOperatingPointCountsAtOrAbove() {
        double[] p = {0.9, 0.8, 0.6, 0.3, 0.2, 0.1};
        boolean[] y = {true, true, false, true, false, false};
        // cut at 0.8: P=1, R=2/3, F1=0.8; at 0.3: P=3/4, R=1, F1=0.857 -> 0.3 wins
        assertThat(ClassifierEvaluation.maxF1Threshold(p, y)).isEqualTo(0.3);
        ClassifierEvaluation.OperatingPoint point = ClassifierEvaluation.at(0.3, p, y);
        assertThat(point.precision()).isEqualTo(0.75);
        assertThat(point.recall()).isEqualTo(1.0);
        assertThat(point.hotShare()).isCloseTo(4 / 6.0, within(1e-12));
    }

    @Test
    void rejectsImpossibleInput() {
        assertThatThrownBy(() -> ClassifierEvaluation.of(new double[] {1.2}, new boolean[] {true}))
                .hasMessageContaining("not in [0, 1]");
        assertThatThrownBy(() -> ClassifierEvaluation.of(new double[] {Double.NaN}, new boolean[] {true}))
                .hasMessageContaining("not in [0, 1]");
        assertThatThrownBy(() -> ClassifierEvaluation.of(new double[] {0.5}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
