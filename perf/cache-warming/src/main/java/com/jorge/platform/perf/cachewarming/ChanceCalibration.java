package com.jorge.platform.perf.cachewarming;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * How often an item the warmer gave a chance was in fact read within the look-ahead, by kind (a lead, a
 * location's BI keys) and chance bucket, learned from predictions whose window has already passed (no
 * look-ahead). The warmer's two predictors speak different languages (WarmCandidatePolicy's scores, the
 * rhythm's Poisson chance); calibrated, their chances can be compared, and with the bytes an item costs
 * they give its expected reads saved per byte of budget.
 */
final class ChanceCalibration {

    static final int BUCKETS = 20;
    /** Outcomes a bucket needs before its own rate outweighs the raw chance (a pseudo-count). */
    static final double PRIOR = 10;

    private record Prediction(int item, int bucket, long at) {}

    private final int leads;
    private final long window;
    private final long[][] predicted = new long[2][BUCKETS], read = new long[2][BUCKETS];
    private final ArrayDeque<Prediction> pending = new ArrayDeque<>();
    private final long[][] readTimes;
    private final int[] readCount;

    /** @param leads items {@code 0..leads-1} are leads, {@code leads + location} a location's BI keys */
    ChanceCalibration(int leads, int locations, long window) {
        this.leads = leads;
        this.window = window;
        readTimes = new long[leads + locations][];
        readCount = new int[leads + locations];
    }

    /** A read of the item's keys at {@code at} (in time order). */
    void read(int item, long at) {
        long[] times = readTimes[item];
        if (times == null) times = readTimes[item] = new long[8];
        else if (readCount[item] == times.length) times = readTimes[item] = Arrays.copyOf(times, times.length * 2);
        times[readCount[item]++] = at;
    }

    /** The warmer gave {@code item} this chance at {@code at}; its outcome is counted once the window has passed. */
    void predict(int item, double chance, long at) {
        pending.add(new Prediction(item, bucket(chance), at));
    }

    /** Counts the outcomes of every prediction whose window ended by {@code now} (all reads before {@code now} recorded). */
    void resolve(long now) {
        while (!pending.isEmpty() && pending.peek().at() + window <= now) {
            Prediction p = pending.poll();
            int kind = kind(p.item());
            predicted[kind][p.bucket()]++;
            if (readWithin(p.item(), p.at(), p.at() + window)) read[kind][p.bucket()]++;
        }
    }

    /** The bucket's observed rate, shrunk towards the raw chance while it has few outcomes. */
    double calibrated(int item, double chance) {
        int kind = kind(item), b = bucket(chance);
        return (read[kind][b] + PRIOR * chance) / (predicted[kind][b] + PRIOR);
    }

    private boolean readWithin(int item, long from, long until) {
        long[] times = readTimes[item];
        if (times == null) return false;
        int i = Arrays.binarySearch(times, 0, readCount[item], from);
        if (i < 0) i = -i - 1;
        return i < readCount[item] && times[i] < until;
    }

    private int kind(int item) {
        return item < leads ? 0 : 1;
    }

    private static int bucket(double chance) {
        return Math.min(BUCKETS - 1, Math.max(0, (int) (chance * BUCKETS)));
    }

    /** The table, for a tuning trial's diagnosis: per kind, each bucket's predictions and observed rate. */
    String summary() {
        StringBuilder out = new StringBuilder();
        for (int kind = 0; kind < 2; kind++) {
            out.append(kind == 0 ? "leads:" : "BI:");
            for (int b = 0; b < BUCKETS; b++) {
                if (predicted[kind][b] > 0) out.append(String.format(java.util.Locale.ROOT, " %.2f:%d/%.2f", (double) b / BUCKETS, predicted[kind][b], (double) read[kind][b] / predicted[kind][b]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
