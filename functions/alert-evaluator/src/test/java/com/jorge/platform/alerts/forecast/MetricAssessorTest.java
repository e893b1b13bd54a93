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
import static org.assertj.core.api.Assertions.within;

class MetricAssessorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private final MetricAssessor assessor = new MetricAssessor(DetectorSettings.defaults());
    private final ThresholdForecaster forecaster = new ThresholdForecaster(DetectorSettings.defaults());
    private final Random random = new Random(42);

    /** One point a minute ending now: {@code start + slope * minute + noise}. */
    private MetricSeries line(int points, double start, double slopePerMinute, double noise) {
        double[] v = new double[points];
        for (int i = 0; i < points; i++) v[i] = start + slopePerMinute * i + noise * random.nextGaussian();
        return MetricSeries.evenlySpaced(NOW, 60, v);
    }

    @Test
    void aCleanRampTowardTheThresholdIsPredictedWithinTheHorizon() {
        // latency p99 climbing 20 ms a minute from 2,000 ms: at 2,580 now, 3,000 in about 21 minutes
        MetricSeries ramp = line(30, 2000, 20, 15);
        Assessment a = assessor.assess(ramp, new BreachCondition(3000, Direction.ABOVE, 30));

        assertThat(a.latest()).isInstanceOf(Verdict.BreachPredicted.class);
        Verdict.BreachPredicted p = (Verdict.BreachPredicted) a.latest();
        assertThat(p.minutesToBreach()).isCloseTo(21, within(3.0));
        assertThat(p.trend().slopePerMinute()).isCloseTo(20, within(2.0));
        assertThat(a.evidence()).isEqualTo(Evidence.CONFIRMED_BAD);
        assertThat(a.spike().anomalous()).isFalse();
    }

    @Test
    void aRampThatCrossesOnlyAfterTheHorizonStaysClear() {
        // 5 ms a minute from 2,000: 3,000 is two and a half hours away
        Assessment a = assessor.assess(line(30, 2000, 5, 5), new BreachCondition(3000, Direction.ABOVE, 30));
        assertThat(a.latest()).isInstanceOf(Verdict.Clear.class);
        assertThat(a.evidence()).isEqualTo(Evidence.CONFIRMED_CLEAR);
    }

    @Test
    void aFallingMetricIsPredictedAgainstAFloor() {
        // replies a minute falling from 100 by 3 a minute toward a floor of 0
        Verdict v = forecaster.judge(line(30, 100, -3, 1), new BreachCondition(0, Direction.BELOW, 30));
        assertThat(v).isInstanceOf(Verdict.BreachPredicted.class);
        assertThat(((Verdict.BreachPredicted) v).minutesToBreach()).isCloseTo(4.0, within(2.0));
    }

    @Test
    void flatNoiseNeverAlertsOverADayOfMinutes() {
        // a day of noisy but level latency (sd 20 % of the level), well under its threshold
        MetricSeries day = line(24 * 60, 1000, 0, 200);
        AlertLifecycle lifecycle = new AlertLifecycle(Duration.ofMinutes(60));
        BreachCondition condition = new BreachCondition(3000, Direction.ABOVE, 30);
        int fired = 0, predictedOnce = 0;
        int lookback = assessor.settings().lookbackPoints();
        for (int i = 0; i < day.size(); i++) {
            Assessment a = assessor.assess(day.range(Math.max(0, i + 1 - lookback), i + 1), condition);
            if (a.latest().isBad()) predictedOnce++;
            if (lifecycle.next(a.evidence(), Instant.ofEpochSecond(day.epochSeconds()[i])) == Transition.FIRE) fired++;
        }
        assertThat(fired).isZero();
        assertThat(predictedOnce).isZero();
    }

    @Test
    void aSpikeIsFlaggedButNeitherTiltsTheTrendNorFiresAlone() {
        double[] v = new double[60];
        for (int i = 0; i < v.length; i++) v[i] = 500 + 10 * random.nextGaussian();
        v[59] = 2500; // one wild minute
        MetricSeries series = MetricSeries.evenlySpaced(NOW, 60, v);
        Assessment a = assessor.assess(series, new BreachCondition(3000, Direction.ABOVE, 30));

        assertThat(a.spike().anomalous()).isTrue();
        assertThat(a.spike().zScore()).isGreaterThan(50);
        assertThat(a.sustainedAnomaly()).isFalse();
        assertThat(a.latest()).isInstanceOf(Verdict.Clear.class);
        assertThat(((Verdict.Clear) a.latest()).trend().slopePerMinute()).isCloseTo(0, within(1.0));
    }

    @Test
    void aValueAlreadyBeyondTheThresholdIsBreachingOnlyWhenTheRecentPointsAgree() {
        double[] v = new double[30];
        java.util.Arrays.fill(v, 3500);
        assertThat(forecaster.judge(MetricSeries.evenlySpaced(NOW, 60, v), new BreachCondition(3000, Direction.ABOVE, 15)))
                .isInstanceOf(Verdict.Breaching.class);
        java.util.Arrays.fill(v, 1000);
        v[29] = 3500; // one stray point over the line
        assertThat(forecaster.judge(MetricSeries.evenlySpaced(NOW, 60, v), new BreachCondition(3000, Direction.ABOVE, 15)))
                .isInstanceOf(Verdict.Clear.class);
    }

    @Test
    void noDataAndTooFewPointsGiveNoVerdict() {
        BreachCondition c = new BreachCondition(10, Direction.ABOVE, 15);
        Assessment none = assessor.assess(MetricSeries.empty(), c);
        assertThat(none.latest()).isInstanceOf(Verdict.NoData.class);
        assertThat(none.evidence()).isEqualTo(Evidence.INSUFFICIENT);
        Assessment few = assessor.assess(line(5, 1, 1, 0), c);
        assertThat(few.latest()).isEqualTo(new Verdict.TooFewPoints(5, 15));
        assertThat(few.evidence()).isEqualTo(Evidence.INSUFFICIENT);
    }

    @Test
    void evidenceIsMixedWhileTheLastEvaluationsDisagree() {
        // flat, then the last point alone jumps past the threshold: the newest verdict is not yet confirmed
        double[] v = new double[40];
        java.util.Arrays.fill(v, 100);
        v[38] = 400;
        v[39] = 400;
        Assessment a = assessor.assess(MetricSeries.evenlySpaced(NOW, 60, v), new BreachCondition(300, Direction.ABOVE, 15));
        assertThat(a.latest()).isInstanceOf(Verdict.Breaching.class);
        assertThat(a.evidence()).isEqualTo(Evidence.MIXED);
    }

    @Test
    void theSlopeFollowsRealTimestampsAcrossGaps() {
        // every other minute missing: 10 a minute measured on timestamps, not 20 a point
        long[] t = new long[20];
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            t[i] = NOW.getEpochSecond() - (19 - i) * 120L;
            v[i] = 10.0 * 2 * i;
        }
        TrendFit fit = new TheilSenTrend(0.01).fit(t, v);
        assertThat(fit.slopePerMinute()).isCloseTo(10, within(1e-9));
        assertThat(fit.level()).isCloseTo(380, within(1e-9));
    }

    @Test
    void aBurstSeenBeforeWithinTheNoveltyWindowIsNoLongerAnAnomaly() {
        // quiet at 10 with a burst to 90 every 200 minutes (a nightly-style batch), the last one now
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = 10 + random.nextGaussian();
        for (int burst = 199; burst < v.length; burst += 200) v[burst] = 90 + random.nextGaussian();
        v[999] = 89; // inside the range of the earlier bursts
        MetricSeries series = MetricSeries.evenlySpaced(NOW, 60, v);
        DetectorSettings base = DetectorSettings.defaults();
        assertThat(new SpikeDetector(base.withNoveltyWindow(0)).check(series).anomalous()).isTrue();
        assertThat(new SpikeDetector(base.withNoveltyWindow(1440)).check(series).anomalous()).isFalse();
        // a burst higher than any before is news again
        v[999] = 150;
        assertThat(new SpikeDetector(base.withNoveltyWindow(1440)).check(MetricSeries.evenlySpaced(NOW, 60, v)).anomalous()).isTrue();
    }

    @Test
    void aMetricHoveringJustUnderTheThresholdDoesNotResolve() {
        // after a breach the metric sits at 2,900-2,980 against 3,000: clear each minute, but with no room
        double[] hovering = new double[60];
        for (int i = 0; i < hovering.length; i++) hovering[i] = 2940 + 40 * Math.sin(i);
        Assessment a = assessor.assess(MetricSeries.evenlySpaced(NOW, 60, hovering), new BreachCondition(3000, Direction.ABOVE, 30));
        assertThat(a.latest()).isInstanceOf(Verdict.Clear.class);
        assertThat(a.evidence()).isEqualTo(Evidence.MIXED);
        // well under the line it resolves
        double[] calm = new double[60];
        for (int i = 0; i < calm.length; i++) calm[i] = 1500 + 40 * Math.sin(i);
        assertThat(assessor.assess(MetricSeries.evenlySpaced(NOW, 60, calm), new BreachCondition(3000, Direction.ABOVE, 30)).evidence())
                .isEqualTo(Evidence.CONFIRMED_CLEAR);
    }
}
