package com.jorge.platform.alerts.anomaly;

/**
 * What the detector made of one point.
 *
 * @param z          the stronger of the value's and the first difference's distance from its window's mean, in sigmas
 *                   (signed; 0 before the warm-up)
 * @param likelihoodZ how unusual the last points' tail scores are for this series: their mean in long-run sigmas over
 *                   the long-run mean (the anomaly likelihood before it becomes a probability)
 * @param cause      why it alerts, or {@link Cause#NONE} / {@link Cause#SKIPPED}
 * @param rising     the evidence points up (a high value, a jump up); an alert rule cares about one side only
 */
public record AnomalyReading(double z, double likelihoodZ, Cause cause, boolean rising) {

    static final AnomalyReading SKIPPED = new AnomalyReading(0, 0, Cause.SKIPPED, false);
    static final AnomalyReading QUIET = new AnomalyReading(0, 0, Cause.NONE, false);

    public boolean alert() {
        return cause != Cause.NONE && cause != Cause.SKIPPED;
    }

    /**
     * How sure the detector is that something is wrong now, 0..1: a logistic of the stronger of the spike and likelihood
     * evidence against its alarm level (0.5 at half the alarm level, about 0.9 at it), at least 0.9 on a point that
     * alerts; published as jorge_ml_predicted_issue_confidence.
     */
    public double confidence(AnomalySettings s) {
        if (cause == Cause.SKIPPED) return 0;
        double strength = Math.max(Math.abs(z) / s.spikeZ(), likelihoodZ / s.likelihoodZ());
        if (alert()) strength = Math.max(strength, 1.0);
        return 1.0 / (1.0 + Math.exp(-4.4 * (strength - 0.5)));
    }
}
