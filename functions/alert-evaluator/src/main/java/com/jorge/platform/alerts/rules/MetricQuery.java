package com.jorge.platform.alerts.rules;

import java.util.Map;

/**
 * One CloudWatch metric at one statistic and period, as GetMetricData asks for it.
 *
 * @param statistic Sum, Average, Maximum, Minimum, SampleCount or a percentile such as p99
 */
public record MetricQuery(String namespace, String name, Map<String, String> dimensions, String statistic, int periodSeconds) {

    public MetricQuery {
        dimensions = Map.copyOf(dimensions);
    }
}
