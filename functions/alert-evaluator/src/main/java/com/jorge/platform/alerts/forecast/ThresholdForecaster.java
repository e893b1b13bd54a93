package com.jorge.platform.alerts.forecast;

import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;

import java.util.Arrays;

/**
 * Judges one point in time: is the metric beyond its threshold, or will its robust trend carry it there
 * within the horizon? A predicted breach needs a trend that rises more than {@code noiseMargin} residual
 * spreads over the window, and a forecast that passes the threshold even after subtracting that margin:
 * slow drifts and noisy series stay quiet (fewer false alerts, later warnings).
 */
public final class ThresholdForecaster {

    private final DetectorSettings settings;
    private final TheilSenTrend trend;

    public ThresholdForecaster(DetectorSettings settings) {
        this.settings = settings;
        this.trend = new TheilSenTrend(settings.relativeSpreadFloor());
    }

    public Verdict judge(MetricSeries series, BreachCondition condition) {
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
        if (fit.slopePerMinute() <= 0) return new Verdict.Clear(reported);
        double margin = settings.noiseMargin() * fit.spread();
        if (fit.slopePerMinute() * fit.spanMinutes() < margin) return new Verdict.Clear(reported);
        double conservativeMinutes = (threshold + margin - fit.level()) / fit.slopePerMinute();
        if (conservativeMinutes > condition.horizonMinutes()) return new Verdict.Clear(reported);
        double minutes = Math.max(0, (threshold - fit.level()) / fit.slopePerMinute());
        return new Verdict.BreachPredicted(reported, minutes);
    }
}
