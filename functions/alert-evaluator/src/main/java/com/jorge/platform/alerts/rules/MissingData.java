package com.jorge.platform.alerts.rules;

/** What a minute without a datapoint means for a rule. */
public enum MissingData {
    /** Unknown: the point is left out (latencies, gauges). */
    ABSENT,
    /** Nothing happened: the point is zero (error counters that EMF emits only when an error occurs). */
    ZERO
}
