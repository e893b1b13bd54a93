package com.jorge.platform.alerts.rules;

/** Which side of the threshold is bad: latency and errors go bad ABOVE, throughput BELOW. */
public enum Direction {
    ABOVE, BELOW;

    /** The value turned so that "worse" is always "larger", letting the forecaster reason about one side only. */
    public double towardBad(double value) {
        return this == ABOVE ? value : -value;
    }

    public boolean isBad(double value, double threshold) {
        return towardBad(value) > towardBad(threshold);
    }
}
