package com.jorge.platform.alerts.forecast;

import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.state.AlertLifecycle;
import com.jorge.platform.alerts.state.Transition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreachProbabilityTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final BreachCondition P99_UNDER_3S = new BreachCondition(3000, Direction.ABOVE, 30);
    private final ThresholdForecaster forecaster = new ThresholdForecaster(DetectorSettings.defaults());
    private final Random random = new Random(7);

    @Test
    void theCalibrationIsMonotoneAndBounded() {
        for (BreachCalibration c : new BreachCalibration[] {BreachCalibration.defaults(), new BreachCalibration(new double[] {0.01, 0.3}, new double[] {0.05, 0.05}, 0.5),
                BreachCalibration.parse("0:0,0.001:0.004,0.2:0.3,0.9:0.65", 0.9)}) {
            double previous = -1;
            for (int i = 0; i <= 1000; i++) {
                double p = c.calibrate(i / 1000.0);
                assertThat(p).isBetween(0.0, 1.0);
                assertThat(p).isGreaterThanOrEqualTo(previous);
                previous = p;
            }
            assertThat(c.calibrate(Double.NaN)).isZero();
            assertThat(c.calibrate(-5)).isBetween(0.0, 1.0);
        }
        assertThatThrownBy(() -> BreachCalibration.parse("0:0.5,0.5:0.4", 0.5)).hasMessageContaining("increase");
        assertThatThrownBy(() -> BreachCalibration.parse("0:0,1:1.5", 0.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> BreachCalibration.parse("0:0,1:1", 1)).hasMessageContaining("operating probability");
    }

    @Test
    void aSeriesRisingTowardTheThresholdRaisesTheProbability() {
        // p99 flat at 1,500 for an hour, then 25 ms a minute: 3,000 an hour later
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) v[i] = 1500 + Math.max(0, i - 60) * 25 + 20 * random.nextGaussian();
        MetricSeries series = MetricSeries.evenlySpaced(NOW, 60, v);
        double flat = forecaster.judge(series.firstN(60), P99_UNDER_3S).breachProbability();
        double early = forecaster.judge(series.firstN(90), P99_UNDER_3S).breachProbability(); // 2,250: the line just within 30 min
        Verdict late = forecaster.judge(series.firstN(100), P99_UNDER_3S);
        assertThat(flat).isLessThan(0.01);
        assertThat(early).isGreaterThan(flat);
        // 2,500 now, 3,000 in 20 minutes: predicted, with the minutes and a probability over the operating one
        assertThat(late).isInstanceOf(Verdict.BreachPredicted.class);
        assertThat(late.breachProbability()).isGreaterThan(early).isGreaterThanOrEqualTo(BreachCalibration.defaults().operatingProbability());
        assertThat(((Verdict.BreachPredicted) late).minutesToBreach()).isBetween(15.0, 25.0);
    }

    @Test
    void aFlatSeriesFarBelowStaysNearZeroAllDay() {
        double[] v = new double[1440];
        for (int i = 0; i < v.length; i++) v[i] = 1000 + 50 * random.nextGaussian();
        MetricSeries day = MetricSeries.evenlySpaced(NOW, 60, v);
        double highest = 0;
        for (int end = 30; end <= v.length; end++) highest = Math.max(highest, forecaster.judge(day.range(end - 30, end), P99_UNDER_3S).breachProbability());
        assertThat(highest).isLessThan(0.01);
    }

    @Test
    void gapsAndNaNNeitherCrashNorStorm() {
        // a noisy series well under the line with NaN points and long gaps, assessed minute by minute over a day
        MetricAssessor assessor = new MetricAssessor(DetectorSettings.defaults());
        AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(60));
        int points = 1440;
        long[] t = new long[points];
        double[] v = new double[points];
        long clock = NOW.getEpochSecond() - 3 * 86400;
        for (int i = 0; i < points; i++) {
            clock += i % 200 == 0 ? 90 * 60 : 60; // a 90-minute gap every 200 points
            t[i] = clock;
            v[i] = i % 17 == 0 ? Double.NaN : i % 101 == 0 ? Double.POSITIVE_INFINITY : 1200 + 300 * random.nextGaussian();
        }
        MetricSeries all = new MetricSeries(t, v);
        int fired = 0;
        for (int end = 1; end <= points; end++) {
            MetricSeries asOf = all.range(Math.max(0, end - assessor.settings().lookbackPoints()), end);
            Assessment a = assessor.assess(asOf, P99_UNDER_3S);
            assertThat(a.latest().breachProbability()).isBetween(0.0, 1.0);
            if (lifecycle.next(a.evidence(), Instant.ofEpochSecond(t[end - 1])) == Transition.FIRE) fired++;
        }
        assertThat(fired).isZero();
        // only NaN: no verdict, probability 0
        Verdict none = forecaster.judge(MetricSeries.evenlySpaced(NOW, 60, Double.NaN, Double.NaN, Double.NaN), P99_UNDER_3S);
        assertThat(none).isInstanceOf(Verdict.NoData.class);
        assertThat(none.breachProbability()).isZero();
    }

    @Test
    void theProbabilityNeedsOnlyTheTrendWindowSoNoStateIsKept() {
        // bounded memory: what came before the last 30 points changes nothing (the state between runs is the rule's
        // alert hash; the forecaster itself keeps 0 bytes, reading 30 points x 16 bytes = 480 bytes from CloudWatch,
        // and the calibration is 3 doubles = 24 bytes of configuration)
        double[] v = new double[300];
        for (int i = 0; i < v.length; i++) v[i] = (i < 270 ? 5000 * random.nextDouble() : 2000 + (i - 270) * 25) + 10 * random.nextGaussian();
        MetricSeries series = MetricSeries.evenlySpaced(NOW, 60, v);
        double withHistory = forecaster.judge(series, P99_UNDER_3S).breachProbability();
        assertThat(forecaster.judge(series.last(DetectorSettings.defaults().trendWindow()), P99_UNDER_3S).breachProbability())
                .isEqualTo(withHistory);
        assertThat(withHistory).isGreaterThan(0.5);
    }
}
