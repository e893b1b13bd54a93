package com.jorge.platform.alerts.anomaly;

/**
 * What the detector made of one point.
 *
 * @param z          the point's residual in robust sigmas (signed; 0 before the warm-up)
 * @param changeRate the larger CUSUM as a share of its alarm level (1 = alarm)
 * @param cause      why it alerts, or {@link Cause#NONE} / {@link Cause#SKIPPED}
 * @param rising     the evidence points up (a high value, an upward shift); an alert rule cares about one side only
 */
public record AnomalyReading(double z, double changeRate, Cause cause, boolean rising) {

    static final AnomalyReading SKIPPED = new AnomalyReading(0, 0, Cause.SKIPPED, false);
    static final AnomalyReading QUIET = new AnomalyReading(0, 0, Cause.NONE, false);

    public boolean alert() {
        return cause != Cause.NONE && cause != Cause.SKIPPED;
    }

    /**
     * How sure the detector is that something is wrong now, 0..1: a logistic of the strongest evidence against
     * its alarm level (0.5 at half the alarm level, about 0.9 at the alarm level); published as
     * jorge_ml_predicted_issue_confidence.
     */
    public double confidence(AnomalySettings s) {
        if (cause == Cause.SKIPPED) return 0;
        double strength = Math.max(Math.abs(z) / s.residualZ(), changeRate);
        if (alert()) strength = Math.max(strength, 1.0);
        return 1.0 / (1.0 + Math.exp(-4.4 * (strength - 0.5)));
    }
}
