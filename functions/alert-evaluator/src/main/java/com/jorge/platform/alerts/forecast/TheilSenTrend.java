package com.jorge.platform.alerts.forecast;

/**
 * Theil-Sen regression: the slope is the median of all pairwise slopes, the intercept the median of what is
 * left. Up to 29 % of the points can be wild (a spike, a late datapoint) without tilting the line, which
 * least squares and Holt's smoothing cannot say. O(n^2) pairs: 435 for the 30-point window.
 */
public final class TheilSenTrend {

    private final double relativeSpreadFloor;

    public TheilSenTrend(double relativeSpreadFloor) {
        this.relativeSpreadFloor = relativeSpreadFloor;
    }

    public TrendFit fit(long[] epochSeconds, double[] values) {
        int n = values.length;
        if (n < 2) throw new IllegalArgumentException("a trend needs at least 2 points");
        long last = epochSeconds[n - 1];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = (epochSeconds[i] - last) / 60.0;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) slopes[k++] = (values[j] - values[i]) / (t[j] - t[i]);
        }
        double slope = RobustStats.median(slopes);
        double[] intercepts = new double[n];
        for (int i = 0; i < n; i++) intercepts[i] = values[i] - slope * t[i];
        double level = RobustStats.median(intercepts);
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) residuals[i] = values[i] - (level + slope * t[i]);
        double spread = RobustStats.floored(RobustStats.sigma(residuals, 0), RobustStats.median(values), relativeSpreadFloor);
        return new TrendFit(level, slope, spread, -t[0]);
    }
}
