package com.jorge.platform.alerts.anomaly;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * What the detector keeps about one series between points: the last {@code window} values (a ring), the last
 * timestamp, the quiet countdown, the likelihood's recent scores and long-run moments, and the relative-entropy part's
 * range and remembered histograms (at most {@link AnomalySettings#REFERENCES}). Bounded by the settings, and small
 * enough for a Redis string between one-minute Lambda runs ({@link #encode()}; its size is in the module README).
 * A mutable class rather than a record: it changes at every point and copying the ring each time is waste.
 */
public final class SeriesMemory {

    private static final byte VERSION = 2;
    final double[] ring;
    int count;
    int next;
    long lastEpoch = Long.MIN_VALUE;
    long seen;
    int quietLeft;
    /** The last tail scores (a ring of {@link AnomalySettings#RECENT}) and the long-run mean and variance of their mean. */
    final double[] recent = new double[AnomalySettings.RECENT];
    int recentCount;
    int recentNext;
    double scoreMean;
    double scoreVar;
    long scored;
    /** The relative-entropy part: the range seen so far and the remembered histograms with how often each matched. */
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    final double[][] references;
    final int[] matches;
    final long[] lastMatched;
    int referenceCount;

    public SeriesMemory(int window, int bins) {
        this.ring = new double[window];
        this.references = new double[AnomalySettings.REFERENCES][bins];
        this.matches = new int[AnomalySettings.REFERENCES];
        this.lastMatched = new long[AnomalySettings.REFERENCES];
    }

    void add(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        if (count < ring.length) count++;
    }

    /** The k-th newest value kept (0 = newest); k below {@link #count()}. */
    double back(int k) {
        return ring[Math.floorMod(next - 1 - k, ring.length)];
    }

    /** Adds a tail score and answers the mean of the recent ones. */
    double addRecent(double score) {
        recent[recentNext] = score;
        recentNext = (recentNext + 1) % recent.length;
        if (recentCount < recent.length) recentCount++;
        double sum = 0;
        for (int i = 0; i < recentCount; i++) sum += recent[i];
        return sum / recentCount;
    }

    int count() {
        return count;
    }

    public int window() {
        return ring.length;
    }

    public int bins() {
        return references[0].length;
    }

    /** Bytes of everything but the ring and the references. */
    private static final int HEADER_BYTES = 1 + 4 * 5 + 8 * 3 + 8 * AnomalySettings.RECENT + 4 * 2 + 8 * 4 + 4 + 8;

    /** The most bytes a memory under these settings encodes to (before base64): full ring, every reference. */
    public static int maxBytes(AnomalySettings s) {
        return HEADER_BYTES + 8 * s.window() + AnomalySettings.REFERENCES * (8 * s.entropyBins() + 4 + 8);
    }

    /** Compact binary form, base64 for a Redis string. */
    public String encode() {
        int bins = bins();
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + referenceCount * (8 * bins + 4 + 8) + 8 * count);
        b.put(VERSION).putInt(ring.length).putInt(bins).putInt(count).putInt(next).putInt(quietLeft)
                .putLong(lastEpoch).putLong(seen).putLong(scored);
        for (double r : recent) b.putDouble(r);
        b.putInt(recentCount).putInt(recentNext).putDouble(scoreMean).putDouble(scoreVar).putDouble(low).putDouble(high);
        b.putInt(referenceCount);
        for (int i = 0; i < referenceCount; i++) {
            for (double p : references[i]) b.putDouble(p);
            b.putInt(matches[i]).putLong(lastMatched[i]);
        }
        // the ring in its own order, so a decoded memory is the same memory
        b.putDouble(0); // reserved
        for (int i = 0; i < count; i++) b.putDouble(ring[i]);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The encoding of an empty memory: what a series with no history starts from. */
    public static String fresh(AnomalySettings s) {
        return new SeriesMemory(s.window(), s.entropyBins()).encode();
    }

    /** The memory {@link #encode()} wrote; different settings or a damaged value give a fresh memory (relearning is safe). */
    public static SeriesMemory decode(String encoded, AnomalySettings s) {
        int window = s.window(), bins = s.entropyBins();
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
            if (b.get() != VERSION || b.getInt() != window || b.getInt() != bins) return new SeriesMemory(window, bins);
            SeriesMemory m = new SeriesMemory(window, bins);
            m.count = b.getInt();
            m.next = b.getInt();
            m.quietLeft = b.getInt();
            if (m.count < 0 || m.count > window || m.next < 0 || m.next >= window || m.quietLeft < 0) return new SeriesMemory(window, bins);
            m.lastEpoch = b.getLong();
            m.seen = b.getLong();
            m.scored = b.getLong();
            for (int i = 0; i < m.recent.length; i++) m.recent[i] = b.getDouble();
            m.recentCount = b.getInt();
            m.recentNext = b.getInt();
            if (m.recentCount < 0 || m.recentCount > m.recent.length || m.recentNext < 0 || m.recentNext >= m.recent.length) {
                return new SeriesMemory(window, bins);
            }
            m.scoreMean = b.getDouble();
            m.scoreVar = b.getDouble();
            m.low = b.getDouble();
            m.high = b.getDouble();
            m.referenceCount = b.getInt();
            if (m.referenceCount < 0 || m.referenceCount > AnomalySettings.REFERENCES) return new SeriesMemory(window, bins);
            for (int i = 0; i < m.referenceCount; i++) {
                for (int j = 0; j < bins; j++) m.references[i][j] = b.getDouble();
                m.matches[i] = b.getInt();
                m.lastMatched[i] = b.getLong();
            }
            b.getDouble();
            for (int i = 0; i < m.count; i++) m.ring[i] = b.getDouble();
            if (b.hasRemaining()) return new SeriesMemory(window, bins);
            return m;
        } catch (RuntimeException e) {
            return new SeriesMemory(window, bins);
        }
    }
}
