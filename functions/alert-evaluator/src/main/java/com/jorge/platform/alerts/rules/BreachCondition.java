package com.jorge.platform.alerts.rules;

/**
 * When a metric is "bad": beyond {@code threshold} on the {@code direction} side; the forecaster warns when it
 * expects that within {@code horizonMinutes}.
 */
public record BreachCondition(double threshold, Direction direction, int horizonMinutes) {
}
