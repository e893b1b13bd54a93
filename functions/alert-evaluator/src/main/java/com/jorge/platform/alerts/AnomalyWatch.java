package com.jorge.platform.alerts;

import com.jorge.platform.alerts.anomaly.AnomalyReading;
import com.jorge.platform.alerts.anomaly.Cause;
import com.jorge.platform.alerts.anomaly.SeriesMemory;
import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.state.AnomalyMemoryStore;

/**
 * "Anomaly now": feeds a rule's minutes that the detector has not seen yet (those after its memory's last point)
 * to the streaming detector, its memory loaded from and saved back to the store. It answers whether a point
 * alerted on the rule's bad side, and the detector's confidence at the newest point (also recorded on the
 * {@link ConfidenceGauge}). The memory is saved by
 * compare-and-set: when an overlapping run saved first, this one reports no anomaly (that run sent it).
 */
public final class AnomalyWatch {

    /**
     * What one check found: an alert on the bad side, the confidence at the newest point (0..1), points fed, and the
     * memory before and after (null when nothing was saved), so an alert that could not be sent can be undone.
     */
    public record Check(boolean anomalyNow, double confidence, int fed, String memoryBefore, String memoryAfter) {}

    private final StreamingAnomalyDetector detector;
    private final AnomalyMemoryStore store;
    private final ConfidenceGauge gauge;

    public AnomalyWatch(StreamingAnomalyDetector detector, AnomalyMemoryStore store, ConfidenceGauge gauge) {
        this.detector = detector;
        this.store = store;
        this.gauge = gauge;
    }

    public Check check(AlertRule rule, MetricSeries series) {
        return check(rule, series, 0);
    }

    /**
     * The same, with the threshold forecaster's calibrated breach probability now ({@code breachProbability}, 0..1):
     * the confidence recorded and answered is the larger of the two, so the gauge rises for a predicted breach as for
     * an anomaly.
     */
    public Check check(AlertRule rule, MetricSeries series, double breachProbability) {
        String stored = store.load(rule.name()).orElse(null);
        SeriesMemory memory = stored == null ? detector.newMemory() : SeriesMemory.decode(stored, detector.settings());
        boolean alert = false;
        int fed = 0;
        double confidence = 0;
        Direction bad = rule.condition().direction();
        for (int i = 0; i < series.size(); i++) {
            AnomalyReading r = detector.observe(memory, series.epochSeconds()[i], series.values()[i]);
            if (r.cause() == Cause.SKIPPED) continue;
            fed++;
            boolean badSide = r.rising() == (bad == Direction.ABOVE);
            if (r.alert() && badSide) alert = true;
            confidence = badSide ? r.confidence(detector.settings()) : 0;
        }
        if (fed == 0) return new Check(false, 0, 0, stored, null);
        if (breachProbability > confidence) confidence = breachProbability;
        String encoded = memory.encode();
        boolean saved = store.replace(rule.name(), stored, encoded);
        if (saved) gauge.record(rule.name(), confidence); // a run that lost the race leaves the gauge to the winner
        return new Check(alert && saved, confidence, fed, stored, saved ? encoded : null);
    }

    /**
     * Puts back the memory from before a check whose alert could not be sent, so the next run feeds the same minutes
     * again and raises it again; not when a later run has saved since (then that run owns the memory).
     */
    public void undo(AlertRule rule, Check check) {
        if (check.memoryAfter() == null) return;
        if (check.memoryBefore() == null) store.replace(rule.name(), check.memoryAfter(), SeriesMemory.fresh(detector.settings()));
        else store.replace(rule.name(), check.memoryAfter(), check.memoryBefore());
    }
}
