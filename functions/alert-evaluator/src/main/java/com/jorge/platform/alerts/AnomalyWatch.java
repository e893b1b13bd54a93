package com.jorge.platform.alerts;

import com.jorge.platform.alerts.anomaly.AnomalyReading;
import com.jorge.platform.alerts.anomaly.Cause;
import com.jorge.platform.alerts.anomaly.SeriesMemory;
import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;
import com.jorge.platform.alerts.anomaly.artime.StreamingArtime;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.rules.MissingData;
import com.jorge.platform.alerts.state.AnomalyMemoryStore;

/**
 * "Anomaly now": feeds a rule's minutes that the detector has not seen yet (those after its memory's last point)
 * to the streaming detector (ARTime, {@link StreamingArtime}, by default; or the ensemble, {@link StreamingAnomalyDetector}),
 * its memory loaded from and saved back to the store; a memory the other detector wrote (or another version, or other
 * settings) is replaced by a fresh one. It answers whether a point
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

    /** One point's outcome, whichever detector. */
    private record Step(boolean skipped, boolean alert, boolean rising, double confidence, boolean mostlyZero) {}

    /** The detector behind the watch: its memory as a Redis string and one point at a time. */
    private interface Engine {
        Object load(String stored);
        String encode(Object memory);
        String fresh();
        Step observe(Object memory, long epochSecond, double value);
    }

    private final Engine engine;
    private final String detectorName;
    private final AnomalyMemoryStore store;
    private final ConfidenceGauge gauge;

    /** The ensemble. */
    public AnomalyWatch(StreamingAnomalyDetector detector, AnomalyMemoryStore store, ConfidenceGauge gauge) {
        this(new Engine() {
            @Override public Object load(String stored) {
                return stored == null ? detector.newMemory() : SeriesMemory.decode(stored, detector.settings());
            }
            @Override public String encode(Object memory) {
                return ((SeriesMemory) memory).encode();
            }
            @Override public String fresh() {
                return SeriesMemory.fresh(detector.settings());
            }
            @Override public Step observe(Object memory, long epochSecond, double value) {
                AnomalyReading r = detector.observe((SeriesMemory) memory, epochSecond, value);
                if (r.cause() == Cause.SKIPPED) return new Step(true, false, false, 0, false);
                return new Step(false, r.alert(), r.rising(), r.confidence(detector.settings()), false); // it has its own sparse-counter rule
            }
        }, "ensemble", store, gauge);
    }

    /** ARTime (the default). */
    public AnomalyWatch(StreamingArtime detector, AnomalyMemoryStore store, ConfidenceGauge gauge) {
        this(new Engine() {
            @Override public Object load(String stored) {
                return detector.decode(stored);
            }
            @Override public String encode(Object memory) {
                return ((StreamingArtime.Memory) memory).encode(detector.settings());
            }
            @Override public String fresh() {
                return detector.fresh();
            }
            @Override public Step observe(Object memory, long epochSecond, double value) {
                StreamingArtime.Reading r = detector.observe((StreamingArtime.Memory) memory, epochSecond, value);
                return new Step(r.skipped(), r.alert(), r.rising(), r.confidence(), r.mostlyZero());
            }
        }, "artime", store, gauge);
    }

    private AnomalyWatch(Engine engine, String detectorName, AnomalyMemoryStore store, ConfidenceGauge gauge) {
        this.engine = engine;
        this.detectorName = detectorName;
        this.store = store;
        this.gauge = gauge;
    }

    /** {@code artime} or {@code ensemble}. */
    public String detector() {
        return detectorName;
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
        Object memory = engine.load(stored);
        boolean alert = false;
        int fed = 0;
        double confidence = 0;
        Direction bad = rule.condition().direction();
        // a rule whose missing minutes are zeros counts events: while it is mostly zero, its first events after a quiet
        // spell are new shapes to ARTime, not incidents (its threshold and the breach forecaster still watch it)
        boolean counter = rule.missingData() == MissingData.ZERO;
        for (int i = 0; i < series.size(); i++) {
            Step r = engine.observe(memory, series.epochSeconds()[i], series.values()[i]);
            if (r.skipped()) continue;
            fed++;
            boolean badSide = r.rising() == (bad == Direction.ABOVE);
            boolean counts = badSide && !(counter && r.mostlyZero()); // the gauge stays down where the alert is dropped
            if (r.alert() && counts) alert = true;
            confidence = counts ? r.confidence() : 0;
        }
        if (fed == 0) return new Check(false, 0, 0, stored, null);
        if (breachProbability > confidence) confidence = breachProbability;
        String encoded = engine.encode(memory);
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
        if (check.memoryBefore() == null) store.replace(rule.name(), check.memoryAfter(), engine.fresh());
        else store.replace(rule.name(), check.memoryAfter(), check.memoryBefore());
    }
}
