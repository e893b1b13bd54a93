package com.jorge.platform.alerts.forecast;

import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;

import java.util.Arrays;

/**
 * Judges one point in time: is the metric beyond its threshold, and how likely is its robust trend to carry it
 * there within the horizon? The raw chance ({@link BreachProbability}, the trend's predictive distribution) is
 * calibrated ({@link BreachCalibration}, isotonic); a breach is predicted from the operating probability on.
 */
public final class ThresholdForecaster {

    private final DetectorSettings settings;
    private final TheilSenTrend trend;
    private final BreachCalibration calibration;

    public ThresholdForecaster(DetectorSettings settings) {
        this(settings, BreachCalibration.defaults());
    }

    public ThresholdForecaster(DetectorSettings settings, BreachCalibration calibration) {
        this.settings = settings;
        this.trend = new TheilSenTrend(settings.relativeSpreadFloor());
        this.calibration = calibration;
    }

    public Verdict judge(MetricSeries all, BreachCondition condition) {
        MetricSeries series = all.finite();
        if (series.isEmpty()) return new Verdict.NoData("no datapoints");
        if (series.size() < settings.minPoints()) return new Verdict.TooFewPoints(series.size(), settings.minPoints());
        MetricSeries window = series.last(settings.trendWindow());
        Direction d = condition.direction();
        double[] worse = Arrays.stream(window.values()).map(d::towardBad).toArray();
        double threshold = d.towardBad(condition.threshold());
        TrendFit fit = trend.fit(window.epochSeconds(), worse);
        TrendFit reported = new TrendFit(d.towardBad(fit.level()), d.towardBad(fit.slopePerMinute()), fit.spread(), fit.spanMinutes());

        // the median of the last three points, so one stray datapoint is not "breaching"
        double recent = RobustStats.median(Arrays.copyOfRange(worse, Math.max(0, worse.length - 3), worse.length));
        if (recent > threshold) return new Verdict.Breaching(reported, d.towardBad(recent));
        int horizon = condition.horizonMinutes();
        double p = calibration.calibrate(BreachProbability.raw(fit, window.size(), threshold, horizon));
        if (p < calibration.operatingProbability()) return new Verdict.Clear(reported, p);
        double minutes = fit.slopePerMinute() > 0 ? Math.max(0, (threshold - fit.level()) / fit.slopePerMinute()) : horizon;
        return new Verdict.BreachPredicted(reported, minutes, p);
    }
}
