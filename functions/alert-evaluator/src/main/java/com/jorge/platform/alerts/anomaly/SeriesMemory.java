package com.jorge.platform.alerts.anomaly;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * What the detector keeps about one series between points: the last {@code window} values (a ring), the last
 * timestamp, the quiet countdown, the likelihoods' recent scores and long-run moments, the relative-entropy part's
 * range and remembered histograms (at most {@link AnomalySettings#REFERENCES}), the daily baseline and the CUSUM.
 * Bounded by the settings, and small enough for a Redis string between one-minute Lambda runs ({@link #encode()}; its
 * size is in the module README).
 * A mutable class rather than a record: it changes at every point and copying the ring each time is waste.
 */
public final class SeriesMemory {

    // 5: the adaptive-resonance part's state after the daily baseline (issue 17, fourth round)
    private static final byte VERSION = 5;
    final double[] ring;
    int count;
    int next;
    long lastEpoch = Long.MIN_VALUE;
    long seen;
    int quietLeft;
    /** The anomaly likelihood of the windowed Gaussian's tail scores. */
    final AnomalyLikelihood valueLikelihood = new AnomalyLikelihood();
    /** The sequence part: decayed counts of (bin two back, bin one back) to this bin, the last two bins, its likelihood. */
    final float[] transitions;
    int previousBin = -1;
    int previousBin2 = -1;
    final AnomalyLikelihood sequenceLikelihood = new AnomalyLikelihood();
    /** The relative-entropy part: the range seen so far and the remembered histograms with how often each matched. */
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    final double[][] references;
    final int[] matches;
    final long[] lastMatched;
    int referenceCount;
    /** The seasonal part: the daily baseline (no bins when the part is off) and its residuals' likelihood. */
    final SeasonalProfile season;
    final AnomalyLikelihood seasonLikelihood = new AnomalyLikelihood();
    /** The change-point part: the two sides of the CUSUM. */
    double cusumHigh;
    double cusumLow;
    /** The adaptive-resonance part (no categories when it is off). */
    final ResonanceNovelty resonance;
    /** The settings the resonance part's state is laid out for: on, window, categories, train (foreign ones: fresh). */
    private final int[] resonanceShape;

    /** An empty memory for these settings; the sequence part's table only when that part is on. */
    public SeriesMemory(AnomalySettings s) {
        this(s.window(), s.entropyBins(), s.sequence() ? s.sequenceBins() : 0, s.season() ? s.seasonBins() : 0, s.resonance());
    }

    private SeriesMemory(int window, int bins, int sequenceBins, int seasonBins, ResonanceSettings art) {
        this.resonance = new ResonanceNovelty(art);
        this.resonanceShape = shape(art);
        this.season = new SeasonalProfile(seasonBins);
        this.ring = new double[window];
        this.transitions = new float[sequenceBins * sequenceBins * sequenceBins];
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

    int count() {
        return count;
    }

    public int window() {
        return ring.length;
    }

    public int bins() {
        return references[0].length;
    }

    /** The sequence part's bins; 0 when it is off. */
    public int sequenceBins() {
        return (int) Math.round(Math.cbrt(transitions.length));
    }

    private static int[] shape(ResonanceSettings art) {
        return art.on() ? new int[] {1, art.step(), art.window(), art.categories(), art.train()} : new int[] {0, 0, 0, 0, 0};
    }

    /** Bytes of everything but the ring, the references, the transitions, the daily baseline and the resonance part. */
    private static final int HEADER_BYTES = 1 + 4 * 7 + 8 * 2 + 3 * AnomalyLikelihood.BYTES + 4 * 2 + 8 * 2 + 4 + 8 * 2 + 4 * 5;

    /** The most bytes a memory under these settings encodes to (before base64): full ring, every reference. */
    public static int maxBytes(AnomalySettings s) {
        int q = s.sequence() ? s.sequenceBins() : 0;
        return HEADER_BYTES + 8 * s.window() + AnomalySettings.REFERENCES * (8 * s.entropyBins() + 4 + 8) + 4 * q * q * q
                + SeasonalProfile.bytes(s.season() ? s.seasonBins() : 0) + ResonanceNovelty.bytes(s.resonance());
    }

    /** Compact binary form, base64 for a Redis string. */
    public String encode() {
        int bins = bins();
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + referenceCount * (8 * bins + 4 + 8) + 8 * count + 4 * transitions.length
                + SeasonalProfile.bytes(season.bins()) + resonance.size());
        b.put(VERSION).putInt(ring.length).putInt(bins).putInt(sequenceBins()).putInt(season.bins()).putInt(count).putInt(next)
                .putInt(quietLeft).putLong(lastEpoch).putLong(seen);
        valueLikelihood.write(b);
        sequenceLikelihood.write(b);
        seasonLikelihood.write(b);
        b.putDouble(cusumHigh).putDouble(cusumLow);
        season.write(b);
        for (int v : resonanceShape) b.putInt(v);
        resonance.write(b);
        b.putInt(previousBin).putInt(previousBin2).putDouble(low).putDouble(high);
        b.putInt(referenceCount);
        for (int i = 0; i < referenceCount; i++) {
            for (double p : references[i]) b.putDouble(p);
            b.putInt(matches[i]).putLong(lastMatched[i]);
        }
        for (float t : transitions) b.putFloat(t);
        // the ring in its own order, so a decoded memory is the same memory
        for (int i = 0; i < count; i++) b.putDouble(ring[i]);
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The encoding of an empty memory: what a series with no history starts from. */
    public static String fresh(AnomalySettings s) {
        return empty(s).encode();
    }

    private static SeriesMemory empty(AnomalySettings s) {
        return new SeriesMemory(s);
    }

    /** The memory {@link #encode()} wrote; different settings or a damaged value give a fresh memory (relearning is safe). */
    public static SeriesMemory decode(String encoded, AnomalySettings s) {
        int window = s.window(), bins = s.entropyBins(), q = s.sequence() ? s.sequenceBins() : 0, daily = s.season() ? s.seasonBins() : 0;
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
            if (b.get() != VERSION || b.getInt() != window || b.getInt() != bins || b.getInt() != q || b.getInt() != daily) return empty(s);
            SeriesMemory m = empty(s);
            m.count = b.getInt();
            m.next = b.getInt();
            m.quietLeft = b.getInt();
            if (m.count < 0 || m.count > window || m.next < 0 || m.next >= window || m.quietLeft < 0) return empty(s);
            m.lastEpoch = b.getLong();
            m.seen = b.getLong();
            if (!m.valueLikelihood.read(b) || !m.sequenceLikelihood.read(b) || !m.seasonLikelihood.read(b)) return empty(s);
            m.cusumHigh = b.getDouble();
            m.cusumLow = b.getDouble();
            if (!(m.cusumHigh >= 0 && m.cusumLow >= 0) || !m.season.read(b)) return empty(s);
            for (int v : m.resonanceShape) if (b.getInt() != v) return empty(s);
            if (!m.resonance.read(b)) return empty(s);
            m.previousBin = b.getInt();
            m.previousBin2 = b.getInt();
            if (m.previousBin < -1 || m.previousBin >= q || m.previousBin2 < -1 || m.previousBin2 >= q) return empty(s);
            m.low = b.getDouble();
            m.high = b.getDouble();
            m.referenceCount = b.getInt();
            if (m.referenceCount < 0 || m.referenceCount > AnomalySettings.REFERENCES) return empty(s);
            for (int i = 0; i < m.referenceCount; i++) {
                for (int j = 0; j < bins; j++) m.references[i][j] = b.getDouble();
                m.matches[i] = b.getInt();
                m.lastMatched[i] = b.getLong();
            }
            for (int i = 0; i < m.transitions.length; i++) m.transitions[i] = b.getFloat();
            for (int i = 0; i < m.count; i++) m.ring[i] = b.getDouble();
            if (b.hasRemaining()) return empty(s);
            return m;
        } catch (RuntimeException e) {
            return empty(s);
        }
    }
}
