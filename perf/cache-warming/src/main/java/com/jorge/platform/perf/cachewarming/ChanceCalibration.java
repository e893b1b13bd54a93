package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.cachewarmer.WarmClass;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The production warmer's calibration ({@link com.jorge.platform.cachewarmer.ChanceCalibration}: per
 * {@link WarmClass} and chance bucket, shrunk towards the raw chance while young, halved past its bound)
 * fed from the trace: a prediction's outcome (read within the look-ahead or not) is counted once its window
 * has passed, never earlier (no look-ahead). The production warmer looks outcomes up in the sampled access
 * stream; here every read is known, so the detection is 1.
 */
final class ChanceCalibration {

    private record Prediction(int item, WarmClass warmClass, double chance, long at) {}

    private final long window;
    private final com.jorge.platform.cachewarmer.ChanceCalibration counts = new com.jorge.platform.cachewarmer.ChanceCalibration();
    private final ArrayDeque<Prediction> pending = new ArrayDeque<>();
    private final long[][] readTimes;
    private final int[] readCount;

    /** @param leads items {@code 0..leads-1} are leads, {@code leads + location} a location's BI keys */
    ChanceCalibration(int leads, int locations, long window) {
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

    /** The warmer gave {@code item} of class {@code k} this chance at {@code at}; its outcome is counted once the window has passed. */
    void predict(int item, WarmClass k, double chance, long at) {
        pending.add(new Prediction(item, k, chance, at));
    }

    /** Counts the outcomes of every prediction whose window ended by {@code now} (all reads before {@code now} recorded). */
    void resolve(long now) {
        while (!pending.isEmpty() && pending.peek().at() + window <= now) {
            Prediction p = pending.poll();
            counts.observe(p.warmClass(), p.chance(), readWithin(p.item(), p.at(), p.at() + window));
        }
    }

    /** The class's bucket's observed rate, shrunk towards the raw chance while it has few outcomes. */
    double calibrated(WarmClass k, double chance) {
        return counts.calibrated(k, chance, 1);
    }

    private boolean readWithin(int item, long from, long until) {
        long[] times = readTimes[item];
        if (times == null) return false;
        int i = Arrays.binarySearch(times, 0, readCount[item], from);
        if (i < 0) i = -i - 1;
        return i < readCount[item] && times[i] < until;
    }

    /** The table, for a tuning trial's diagnosis: per class, each bucket's outcomes and observed rate. */
    String summary() {
        return counts.summary().replace("; ", "\n") + "\n";
    }
}
