package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.forecast.BreachCalibration;
import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BreachCalibrationReportTest {

    private static void add(List<BreachCalibrationReport.Sample> out, double raw, int minutes, int breached) {
        for (int i = 0; i < minutes; i++) out.add(new BreachCalibrationReport.Sample(raw, raw, i < breached));
    }

    @Test
    void theIsotonicFitFollowsTheObservedRatesAndPoolsWhatWouldNotBeMonotone() {
        List<BreachCalibrationReport.Sample> samples = new ArrayList<>();
        add(samples, 0.00001, 1000, 5);   // 0.5 %
        add(samples, 0.25, 100, 40);      // 40 %
        add(samples, 0.35, 100, 20);      // 20 %: lower than the bin before, pooled with it (30 %)
        add(samples, 0.95, 100, 90);      // 90 %
        BreachCalibration c = BreachCalibrationReport.isotonicFit(samples, 0.5);
        assertThat(c.raw()).hasSize(3);
        assertThat(c.calibrated()).containsExactly(0.005, 0.3, 0.9);
        assertThat(c.raw()[1]).isCloseTo(0.30, within(1e-9));
        assertThat(c.calibrate(0.3)).isCloseTo(0.3, within(1e-9));
        // and the Brier score of a perfect forecast is 0, of the wrong one 1
        assertThat(BreachCalibrationReport.brier(List.of(new BreachCalibrationReport.Sample(1, 1, true)), false)).isZero();
        assertThat(BreachCalibrationReport.brier(List.of(new BreachCalibrationReport.Sample(1, 0, true)), false)).isEqualTo(1.0);
    }

    @Test
    void breachingIsTheMedianOfTheLastThreePointsBeyondTheLine() {
        boolean[] b = BreachCalibrationReport.breaching(new double[] {1, 5, 1, 5, 5, 1}, new BreachCondition(3, Direction.ABOVE, 30));
        assertThat(b).containsExactly(false, false, false, true, true, true);
        boolean[] below = BreachCalibrationReport.breaching(new double[] {5, 1, 1}, new BreachCondition(3, Direction.BELOW, 30));
        assertThat(below).containsExactly(false, false, true);
    }
}
