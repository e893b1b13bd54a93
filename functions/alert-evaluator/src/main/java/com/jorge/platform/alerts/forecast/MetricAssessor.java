package com.jorge.platform.alerts.forecast;

import com.jorge.platform.alerts.rules.BreachCondition;

import java.util.ArrayList;
import java.util.List;

/**
 * Assesses a metric from its recent history alone: the forecaster is re-run as of each of the last
 * {@code confirmations} points, so the evidence needs no state between invocations (a Lambda run every
 * minute sees the same answer a long-running process would).
 */
public final class MetricAssessor {

    private final DetectorSettings settings;
    private final ThresholdForecaster forecaster;
    private final SpikeDetector spikes;

    public MetricAssessor(DetectorSettings settings) {
        this(settings, BreachCalibration.defaults());
    }

    public MetricAssessor(DetectorSettings settings, BreachCalibration calibration) {
        this.settings = settings;
        this.forecaster = new ThresholdForecaster(settings, calibration);
        this.spikes = new SpikeDetector(settings);
    }

    public DetectorSettings settings() {
        return settings;
    }

    public Assessment assess(MetricSeries series, BreachCondition condition) {
        MetricSeries history = series.last(settings.lookbackPoints());
        int k = settings.confirmations();
        List<Verdict> verdicts = new ArrayList<>(k);
        int sustained = 0;
        for (int back = 0; back < k; back++) {
            MetricSeries asOf = history.firstN(Math.max(0, history.size() - back));
            verdicts.add(forecaster.judge(asOf, condition));
            SpikeCheck check = spikes.check(asOf);
            if (check.anomalous() && condition.direction().towardBad(check.zScore()) > 0) sustained++;
        }
        Verdict latest = verdicts.getFirst();
        return new Assessment(latest, evidence(verdicts, condition), spikes.check(history), sustained == k);
    }

    private Evidence evidence(List<Verdict> verdicts, BreachCondition condition) {
        if (!verdicts.getFirst().isJudged()) return Evidence.INSUFFICIENT;
        if (verdicts.stream().allMatch(Verdict::isBad)) return Evidence.CONFIRMED_BAD;
        if (verdicts.stream().allMatch(v -> v instanceof Verdict.Clear) && roomBelow(verdicts.getFirst(), condition)) {
            return Evidence.CONFIRMED_CLEAR;
        }
        return Evidence.MIXED;
    }

    /**
     * Hysteresis: clear only with the fitted level a noise margin away from the threshold, so a metric
     * hovering at the line holds its alert instead of resolving and firing again every few minutes.
     */
    private boolean roomBelow(Verdict latest, BreachCondition condition) {
        TrendFit trend = ((Verdict.Clear) latest).trend();
        var d = condition.direction();
        return d.towardBad(trend.level()) + settings.noiseMargin() * trend.spread() < d.towardBad(condition.threshold());
    }
}
