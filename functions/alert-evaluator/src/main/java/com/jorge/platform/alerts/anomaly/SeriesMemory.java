package com.jorge.platform.alerts.anomaly;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * What the detector keeps about one series between points: the last {@code window} values (a ring), the last
 * timestamp, the two CUSUMs, the quiet countdown, the count of points seen and the strongest evidence seen lately. Bounded by the window, and
 * small enough for a Redis string between one-minute Lambda runs ({@link #encode()}: 8 bytes a point plus 169).
 * A mutable class rather than a record: it changes at every point and copying the ring each time is waste.
 */
public final class SeriesMemory {

    private static final byte VERSION = 1;
    /** version, capacity, count, next, last epoch, two CUSUMs, quiet, seen, two peaks, recent ring, its count and next, two moments. */
    private static final int HEADER_BYTES = 1 + 4 + 4 + 4 + 8 + 8 + 8 + 4 + 8 + 8 + 8 + 8 * AnomalySettings.RECENT + 4 + 4 + 8 + 8;
    private final double[] ring;
    private int count;
    private int next;
    long lastEpoch = Long.MIN_VALUE;
    double cusumUp;
    double cusumDown;
    int quietLeft;
    double peakZ;
    double peakChange;
    /** The last |residuals| (a ring of {@link AnomalySettings#RECENT}) and the long-run mean and variance of their mean. */
    final double[] recent = new double[AnomalySettings.RECENT];
    int recentCount;
    int recentNext;
    double scoreMean;
    double scoreVar;
    long seen;

    public SeriesMemory(int window) {
        this.ring = new double[window];
    }

    /** Adds an |residual| and answers the mean of the recent ones. */
    double addRecent(double absZ) {
        recent[recentNext] = absZ;
        recentNext = (recentNext + 1) % recent.length;
        if (recentCount < recent.length) recentCount++;
        double sum = 0;
        for (int i = 0; i < recentCount; i++) sum += recent[i];
        return sum / recentCount;
    }

    void add(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        if (count < ring.length) count++;
    }

    int count() {
        return count;
    }

    /** The values kept, in ring order (the baseline uses only order statistics, so their order does not matter). */
    double[] values() {
        return Arrays.copyOf(ring, count);
    }

    public int window() {
        return ring.length;
    }

    /** Compact binary form, base64 for a Redis string. */
    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 8 * count);
        b.put(VERSION).putInt(ring.length).putInt(count).putInt(next).putLong(lastEpoch).putDouble(cusumUp).putDouble(cusumDown)
                .putInt(quietLeft).putLong(seen).putDouble(peakZ).putDouble(peakChange);
        for (double r : recent) b.putDouble(r);
        b.putInt(recentCount).putInt(recentNext).putDouble(scoreMean).putDouble(scoreVar);
        for (int i = 0; i < count; i++) b.putDouble(ring[i]);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The encoding of an empty memory: what a series with no history starts from. */
    public static String fresh(int window) {
        return new SeriesMemory(window).encode();
    }

    /** The memory {@link #encode()} wrote; a different window or a damaged value gives a fresh memory (relearning is safe). */
    public static SeriesMemory decode(String encoded, int window) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
            if (b.get() != VERSION || b.getInt() != window) return new SeriesMemory(window);
            SeriesMemory m = new SeriesMemory(window);
            m.count = b.getInt();
            m.next = b.getInt();
            if (m.count < 0 || m.count > window || m.next < 0 || m.next >= window) return new SeriesMemory(window);
            m.lastEpoch = b.getLong();
            m.cusumUp = b.getDouble();
            m.cusumDown = b.getDouble();
            m.quietLeft = b.getInt();
            m.seen = b.getLong();
            m.peakZ = b.getDouble();
            m.peakChange = b.getDouble();
            for (int i = 0; i < m.recent.length; i++) m.recent[i] = b.getDouble();
            m.recentCount = b.getInt();
            m.recentNext = b.getInt();
            if (m.recentCount < 0 || m.recentCount > m.recent.length || m.recentNext < 0 || m.recentNext >= m.recent.length) {
                return new SeriesMemory(window);
            }
            m.scoreMean = b.getDouble();
            m.scoreVar = b.getDouble();
            for (int i = 0; i < m.count; i++) m.ring[i] = b.getDouble();
            return m;
        } catch (RuntimeException e) {
            return new SeriesMemory(window);
        }
    }
}
