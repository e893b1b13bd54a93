package com.jorge.platform.alerts.forecast;

import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;

/**
 * The raw probability that a metric passes its threshold within the horizon, from the trend's predictive
 * distribution: at each minute h ahead the value is Gaussian around {@code level + slope h} with the residual spread
 * widened by the slope's own uncertainty (a straight-line fit's prediction interval, Theil-Sen being nearly as
 * efficient as least squares on Gaussian noise); the chance of a crossing by the horizon is taken as the largest of
 * these per-minute chances (a lower bound of the first-passage probability, which the calibration corrects).
 * Everything comes from the window itself: nothing is kept between runs.
 */
public final class BreachProbability {

    private BreachProbability() {}

    /**
     * @param fit       the trend, toward-bad (larger is worse)
     * @param points    points the trend was fitted on
     * @param threshold the threshold, toward-bad
     */
    public static double raw(TrendFit fit, int points, double threshold, int horizonMinutes) {
        double span = Math.max(fit.spanMinutes(), 1);
        // sum of squared time offsets around their mean, for points spread evenly over the span
        double sxx = points * span * span / 12.0;
        double best = 0;
        for (int h = 0; h <= horizonMinutes; h++) {
            double fromCentre = h + span / 2;
            double sd = fit.spread() * Math.sqrt(1 + 1.0 / points + fromCentre * fromCentre / sxx);
            best = Math.max(best, upperTail((threshold - fit.at(h)) / sd));
        }
        return best;
    }

    /** P(Z > z) for a standard normal Z. */
    static double upperTail(double z) {
        return Math.max(0, 0.5 * (1 - StreamingAnomalyDetector.erf(z / Math.sqrt(2))));
    }
}
