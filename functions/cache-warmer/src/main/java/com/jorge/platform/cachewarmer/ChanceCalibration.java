package com.jorge.platform.cachewarmer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the warmer's chances mean, learned online: per {@link WarmClass} and chance bucket of 0.05, how
 * often an item given that chance was in fact read within the look-ahead (binned calibration). The
 * predictions are a small stratified sample of each run's ranking ({@link Pending}); a later run, once
 * their window has passed, looks them up in the access stream the worker captures. A young bucket leans
 * on the raw chance ({@link #PRIOR} pseudo-outcomes), so an empty calibration ranks exactly as the raw
 * scores do. Bounded: a bucket's counts halve past {@link #MAX_OUTCOMES} (old outcomes fade, the rate
 * follows the traffic) and at most {@link #MAX_PENDING} predictions wait, the oldest dropped first.
 * Mutable, owned by one run; {@link WarmCalibrationStore} keeps it in Redis between runs.
 */
public final class ChanceCalibration {

    static final int BUCKETS = 20;
    /** Outcomes a bucket needs before its own rate outweighs the raw chance. */
    public static final double PRIOR = 10;
    static final double MAX_OUTCOMES = 1_000;
    static final int MAX_PENDING = 2_000;
    /** What an item of a class weighs before any was loaded: a lead's two entries, a location's BI report. */
    static final double LEAD_BYTES = 3_250, BI_BYTES = 16_400;

    /** A prediction waiting for its window to pass; {@code contactId} null for a location's BI keys. */
    public record Pending(WarmClass warmClass, String locationId, String contactId, double chance, long atMillis) {}

    /**
     * The stored form: counts by class name (an unknown name from another release is dropped), bytes {sum, count}
     * by kind ({@code LEAD}, {@code BI}: what an item weighs does not depend on why it was predicted).
     */
    public record Snapshot(Map<String, double[]> predicted, Map<String, double[]> read, Map<String, double[]> bytes,
                           List<Pending> pending) {}

    private final Map<WarmClass, double[]> predicted = new EnumMap<>(WarmClass.class);
    private final Map<WarmClass, double[]> read = new EnumMap<>(WarmClass.class);
    private final Map<String, double[]> bytes = new java.util.TreeMap<>(Map.of(LEAD, new double[2], BI, new double[2])); // {sum, count}
    private static final String LEAD = "LEAD", BI = "BI";
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    public ChanceCalibration() {
        for (WarmClass k : WarmClass.values()) {
            predicted.put(k, new double[BUCKETS]);
            read.put(k, new double[BUCKETS]);
        }
    }

    public static ChanceCalibration of(Snapshot s) {
        ChanceCalibration c = new ChanceCalibration();
        copy(s.predicted(), c.predicted, BUCKETS);
        copy(s.read(), c.read, BUCKETS);
        if (s.bytes() != null) {
            s.bytes().forEach((kind, v) -> {
                if (c.bytes.containsKey(kind) && v != null && v.length == 2) System.arraycopy(v, 0, c.bytes.get(kind), 0, 2);
            });
        }
        if (s.pending() != null) s.pending().stream().filter(p -> p.warmClass() != null).forEach(c::predict);
        return c;
    }

    public Snapshot snapshot() {
        Map<String, double[]> b = new java.util.TreeMap<>();
        bytes.forEach((kind, v) -> b.put(kind, v.clone()));
        return new Snapshot(named(predicted), named(read), b, List.copyOf(pending));
    }

    /** The outcome of one prediction: the item given {@code chance} was (or was not) read within the window. */
    public void observe(WarmClass k, double chance, boolean wasRead) {
        int b = bucket(chance);
        double[] p = predicted.get(k), r = read.get(k);
        p[b]++;
        if (wasRead) r[b]++;
        if (p[b] > MAX_OUTCOMES) {
            p[b] /= 2;
            r[b] /= 2;
        }
    }

    /**
     * The chance, calibrated: the bucket's read rate, shrunk towards the raw chance while it has few outcomes.
     *
     * @param detection the chance that the stream shows a read that happened (sampled capture misses some); 1 when
     *                  every get is captured. The observed rate is divided by it, an approximation that assumes one
     *                  use per window.
     */
    public double calibrated(WarmClass k, double chance, double detection) {
        int b = bucket(chance);
        double rate = (read.get(k)[b] / detection + PRIOR * chance) / (predicted.get(k)[b] + PRIOR);
        return Math.min(1, rate);
    }

    /** Outcomes counted for the bucket (tests and the log). */
    public double outcomes(WarmClass k, double chance) {
        return predicted.get(k)[bucket(chance)];
    }

    public void predict(Pending p) {
        pending.addLast(p);
        while (pending.size() > MAX_PENDING) pending.removeFirst();
    }

    /** Removes and returns the predictions whose window ended by {@code nowMillis}. */
    public List<Pending> due(long nowMillis, long windowMillis) {
        List<Pending> out = new ArrayList<>();
        pending.removeIf(p -> {
            boolean over = p.atMillis() + windowMillis <= nowMillis;
            if (over) out.add(p);
            return over;
        });
        return out;
    }

    public int pendingCount() {
        return pending.size();
    }

    /** An item of the class's kind (a lead, a location's report) was loaded with these bytes: the mean feeds the benefit per byte. */
    public void noteBytes(WarmClass k, long loadedBytes) {
        double[] b = bytes.get(kind(k));
        b[0] += loadedBytes;
        b[1]++;
        if (b[1] > MAX_OUTCOMES) {
            b[0] /= 2;
            b[1] /= 2;
        }
    }

    public double meanBytes(WarmClass k) {
        double[] b = bytes.get(kind(k));
        return b[1] > 0 ? b[0] / b[1] : (k == WarmClass.BI ? BI_BYTES : LEAD_BYTES);
    }

    /** Per class, the buckets with outcomes: {@code chance:outcomes/rate}, for the run's log line. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (WarmClass k : WarmClass.values()) {
            double[] p = predicted.get(k), r = read.get(k);
            StringBuilder row = new StringBuilder();
            for (int b = 0; b < BUCKETS; b++) {
                if (p[b] >= 1) row.append(String.format(Locale.ROOT, " %.2f:%.0f/%.2f", (double) b / BUCKETS, p[b], r[b] / p[b]));
            }
            if (!row.isEmpty()) out.append(out.isEmpty() ? "" : "; ").append(k).append(row);
        }
        return out.toString();
    }

    private static String kind(WarmClass k) {
        return k == WarmClass.BI ? BI : LEAD;
    }

    static int bucket(double chance) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) (chance * BUCKETS)));
    }

    private static void copy(Map<String, double[]> from, Map<WarmClass, double[]> to, int length) {
        if (from == null) return;
        from.forEach((name, values) -> {
            WarmClass k;
            try {
                k = WarmClass.valueOf(name);
            } catch (IllegalArgumentException e) {
                return;
            }
            if (values != null && values.length == length) System.arraycopy(values, 0, to.get(k), 0, length);
        });
    }

    private static Map<String, double[]> named(Map<WarmClass, double[]> values) {
        Map<String, double[]> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k.name(), v.clone()));
        return out;
    }
}
