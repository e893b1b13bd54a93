package com.jorge.platform.alerts.rules;

/**
 * A named alert: which metric to watch, when it is bad, how far ahead to warn, and how loud.
 *
 * @param missingData how minutes without a datapoint count: counters emitted only when something happens
 *                    (errors) are {@link MissingData#ZERO}; gauges and latencies are {@link MissingData#ABSENT}
 */
public record AlertRule(String name, String description, MetricQuery metric, BreachCondition condition,
                        Severity severity, MissingData missingData) {
}
