package com.jorge.platform.alerts.forecast;

/**
 * A robust straight line through recent points, in minutes relative to the last point.
 *
 * @param level          the fitted value now
 * @param slopePerMinute Theil-Sen slope
 * @param spread         the residuals' robust standard deviation (floored)
 * @param spanMinutes    from the first to the last point fitted
 */
public record TrendFit(double level, double slopePerMinute, double spread, double spanMinutes) {

    public double at(double minutesAhead) {
        return level + slopePerMinute * minutesAhead;
    }
}
