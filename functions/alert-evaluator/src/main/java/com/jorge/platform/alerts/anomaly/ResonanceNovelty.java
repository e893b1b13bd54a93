package com.jorge.platform.alerts.anomaly;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The adaptive-resonance part: an ARTime-like novelty detector (after Hampton's ARTime, which scored 74.9 on NAB; our own
 * implementation of the idea, not its code). The series is downsampled into blocks of {@code step} points (a block is its
 * mean, or its extreme when that is well off the mean, so a one-point spike survives), normalised over the range seen
 * so far, rounded to {@code levels} and pulled to the running median when close to it (noise is not a shape). The last
 * {@code window} blocks and their Haar wavelet (the window's shape, whatever its level) are one complement-coded input
 * to a fuzzy ART with at most {@code categories} categories and two vigilances: a match above the upper one teaches the
 * best category (fast learning, the category's box grows to hold the input), one between them makes a new category of
 * a known kind, and one under the lower one is <b>novel</b>: a shape this series has not shown. A novel input is an
 * anomaly unless the part is masked (just after another novel input or an alert, when only a much worse match counts).
 * The vigilances adapt to the series: the upper one is the running mean of the best match, the lower one follows the
 * worst recent match up slowly and backs off when normal inputs keep falling under the upper one, never under the
 * mean match of past anomalies. Mutable, part of {@link SeriesMemory}; its size is fixed by the settings ({@link #bytes}).
 */
final class ResonanceNovelty {

    /** Running means forget at least this fast, so a series that runs for months keeps adapting. */
    private static final double MIN_RATE = 1.0 / 2000;
    /** A block's extreme stands for it when it is this share of the block's mean (absolute) or more off the mean. */
    private static final double EXTREME_SHARE = 0.1;

    private final ResonanceSettings s;
    /** Input dimension before complement coding: the window's values and their wavelet. */
    private final int features;
    // the block being filled
    private int blockCount;
    private double blockSum;
    private double blockMin;
    private double blockMax;
    private double movingAverage;
    // the range the remembered values and boxes are normalised over (the range seen so far, when the last block closed)
    private double low;
    private double high;
    // the downsampled window, normalised, oldest first
    private final double[] recent;
    private long blocks;
    // the ART: categories x (2 x features) weights, when each was last chosen, how many there are
    private final byte[] weights;
    private final long[] lastUsed;
    private int categories;
    // the vigilances and what they adapt on
    private double rhoLow;
    private double rhoHigh;
    private double meanMatch;
    private final double[] matches;
    private int matchNext;
    private long lastUpdate;
    private long lastAnomaly = Long.MIN_VALUE / 2;
    private double lastAnomalyMatch;
    private double anomalyMatchMean;
    private int anomalies;
    private boolean maskedByCategory;
    private int sinceNovel;

    ResonanceNovelty(ResonanceSettings s) {
        this.s = s;
        this.features = 2 * s.window();
        this.recent = new double[s.window()];
        int n = s.on() ? s.categories() : 0;
        this.weights = new byte[n * 2 * features];
        this.lastUsed = new long[n];
        this.matches = new double[s.on() ? s.train() / 2 + 1 : 0];
        Arrays.fill(matches, 1.0);
        this.rhoLow = s.initialRho();
        this.rhoHigh = s.initialRho();
    }

    /**
     * Feeds one raw point (the range seen so far and the memory's ring for the running median); true when it closes a
     * block whose window is novel and not masked. Only learns during its training blocks.
     */
    boolean observe(SeriesMemory m, double value) {
        if (blockCount == 0) {
            blockSum = 0;
            blockMin = value;
            blockMax = value;
        }
        blockCount++;
        blockSum += value;
        blockMin = Math.min(blockMin, value);
        blockMax = Math.max(blockMax, value);
        if (blockCount < s.step()) return false;
        blockCount = 0;
        double mean = blockSum / s.step();
        movingAverage = blocks == 0 ? mean : (movingAverage + mean) / 2;
        // the extreme further from the recent average stands for the block when it is well off its mean (a spike)
        double ds = Math.abs(blockMax - movingAverage) >= Math.abs(blockMin - movingAverage) ? blockMax : blockMin;
        if (Math.abs(ds - mean) < EXTREME_SHARE * Math.abs(mean)) ds = mean;
        rescale(m.low, m.high);
        double range = high - low;
        double x = range > 0 ? Math.clamp((ds - low) / range, 0, 1) : 0;
        x = Math.rint(x * s.levels()) / s.levels();
        double median = range > 0 ? Math.clamp((median(m) - low) / range, 0, 1) : 0;
        if (Math.abs(x - median) < s.chomp()) x = Math.rint(median * s.levels()) / s.levels();
        System.arraycopy(recent, 1, recent, 0, recent.length - 1);
        recent[recent.length - 1] = x;
        blocks++;
        if (blocks < s.window()) return false;
        return detect(input());
    }

    /**
     * The range seen so far grew: the remembered values and the categories' boxes on them are mapped to the new range (the
     * wavelet half is scale-free), so a new extreme does not make every known shape look new.
     */
    private void rescale(double newLow, double newHigh) {
        if (newLow == low && newHigh == high) return;
        double oldRange = high - low, newRange = newHigh - newLow;
        if (oldRange > 0 && newRange > 0) {
            double scale = oldRange / newRange, shift = (low - newLow) / newRange;
            int w = recent.length;
            for (int k = 0; k < w; k++) recent[k] = recent[k] * scale + shift;
            for (int c = 0; c < categories; c++) {
                int base = c * 2 * features;
                for (int k = w; k < features; k++) {
                    // the box [w, 1 - wc] on the old scale, mapped
                    double lower = weight(base + k), upper = 1 - weight(base + features + k);
                    weights[base + k] = quantised(lower * scale + shift);
                    weights[base + features + k] = quantised(1 - (upper * scale + shift));
                }
            }
        }
        low = newLow;
        high = newHigh;
    }

    /** The complement-coded input: the window's values and its normalised Haar wavelet, then 1 minus each. */
    private double[] input() {
        int w = recent.length;
        double[] shape = recent.clone();
        double lo = Arrays.stream(shape).min().orElse(0), hi = Arrays.stream(shape).max().orElse(0);
        for (int i = 0; i < w; i++) shape[i] = hi > lo ? (shape[i] - lo) / (hi - lo) : 0;
        haar(shape);
        lo = Arrays.stream(shape).min().orElse(0);
        hi = Arrays.stream(shape).max().orElse(0);
        double[] in = new double[2 * features];
        for (int i = 0; i < w; i++) {
            in[i] = hi > lo ? (shape[i] - lo) / (hi - lo) : 0;
            in[w + i] = recent[i];
        }
        for (int i = 0; i < features; i++) in[features + i] = 1 - in[i];
        return in;
    }

    /** The full orthonormal Haar transform in place (length a power of two): averages first, finest details last. */
    static void haar(double[] v) {
        double[] tmp = new double[v.length];
        for (int len = v.length; len > 1; len /= 2) {
            int half = len / 2;
            for (int i = 0; i < half; i++) {
                tmp[i] = (v[2 * i] + v[2 * i + 1]) / Math.sqrt(2);
                tmp[half + i] = (v[2 * i] - v[2 * i + 1]) / Math.sqrt(2);
            }
            System.arraycopy(tmp, 0, v, 0, len);
        }
    }

    private boolean detect(double[] in) {
        long i = blocks - s.window();
        // each category's similarity: how much of its box the input fills, cubed, times the same for the newest value alone
        // squared (the newest block weighs most); the best one is the match
        int n = 2 * features, newest = features - 1;
        double[] similarity = new double[categories];
        double best = 0, bestEnergy = 0;
        for (int c = 0; c < categories; c++) {
            int base = c * n;
            double overlap = 0, size = 0;
            for (int k = 0; k < n; k++) {
                double wk = weight(base + k);
                overlap += Math.min(in[k], wk);
                size += wk;
            }
            double wNew = weight(base + newest), wNewC = weight(base + features + newest);
            double energy = (Math.min(in[newest], wNew) + Math.min(in[features + newest], wNewC)) / Math.max(wNew + wNewC, 1e-3);
            double fill = overlap / Math.max(size, 1e-3);
            similarity[c] = fill * fill * fill * energy * energy;
            if (similarity[c] > best) {
                best = similarity[c];
                bestEnergy = energy;
            }
        }
        boolean novel = best < rhoLow;
        if (best >= rhoHigh) {
            // every category that resonates learns
            for (int c = 0; c < categories; c++) if (similarity[c] >= rhoHigh) learn(c, in, i);
        } else {
            commit(in, i);
        }
        meanMatch += Math.max(1.0 / (i + 1), MIN_RATE) * (best - meanMatch);
        matches[matchNext] = best;
        matchNext = (matchNext + 1) % matches.length;
        sinceNovel = novel ? 0 : Math.min(sinceNovel + 1, 1 << 20);
        if (i < s.train()) {
            if (i == s.train() - 1) {
                // training over: both vigilances start at the mean match of the training blocks
                rhoHigh = Math.min(s.rhoCap(), meanMatch);
                rhoLow = rhoHigh;
                lastUpdate = i;
            }
            return false;
        }
        boolean afterAnomaly = i - lastAnomaly <= s.mask();
        if (afterAnomaly) lastAnomalyMatch = Math.min(lastAnomalyMatch, best);
        if (maskedByCategory && sinceNovel >= s.mask()) maskedByCategory = false;
        boolean masked = maskedByCategory || afterAnomaly;
        boolean muchWorse = best < lastAnomalyMatch * (afterAnomaly ? 0.9 : 0.7);
        boolean anomaly = novel && (!masked || muchWorse);
        double confidence = 0;
        if (anomaly) {
            confidence = confidence(best, bestEnergy);
            anomalies = Math.min(anomalies + 1, 32);
            anomalyMatchMean += (best - anomalyMatchMean) / anomalies;
            lastAnomalyMatch = best;
            lastAnomaly = i;
        }
        if (novel) maskedByCategory = true;
        if (i - lastAnomaly == s.mask() || i - lastUpdate >= matches.length / 2) adapt(i);
        return anomaly && confidence >= s.confidence();
    }

    /**
     * How sure a novel input is an anomaly, 0..1: how far its match falls under the two vigilances (relative to how far
     * it could), plus how badly the newest block fits the best category.
     */
    private double confidence(double match, double energy) {
        double a = Math.min(0.999, match);
        double belowHigh = (rhoHigh - a) / (1 - a), belowLow = (rhoLow - a) / (1 - a);
        return Math.min(1, 0.35 * belowHigh + 0.65 * belowLow + 1.5 * (1 - energy));
    }

    /**
     * The vigilances follow the series: the upper one is the running mean of the best match (capped); the lower one moves
     * a fifth of the way up to the worst recent match when all recent matches clear it, else backs off by half the mean
     * shortfall of recent matches under the upper one, never under the mean match of past anomalies.
     */
    private void adapt(long i) {
        double worst = Arrays.stream(matches).min().orElse(1);
        double high = Math.min(s.rhoCap(), meanMatch);
        double low = rhoLow;
        if (low <= worst) {
            low += (worst - low) * 0.19;
        } else {
            double shortfall = 0;
            int n = 0;
            if (i > 2L * s.train()) {
                for (double a : matches) {
                    double d = rhoHigh - a;
                    if (d > 0.05) {
                        shortfall += Math.min(0.37, d);
                        n++;
                    }
                }
            }
            low -= Math.max(0.01, n > 0 ? shortfall / n : 0) / 2;
            if (anomalies > 0) low = Math.max(anomalyMatchMean, low);
        }
        rhoLow = Math.min(high, low);
        rhoHigh = high;
        lastUpdate = i;
        maskedByCategory = true;
    }

    /** Fast learning: the category's box grows just enough to hold the input. */
    private void learn(int c, double[] in, long i) {
        int base = c * 2 * features;
        for (int k = 0; k < 2 * features; k++) weights[base + k] = quantised(Math.min(weight(base + k), in[k]));
        lastUsed[c] = i;
    }

    /** A new category holding just this input; when all are taken, the one chosen longest ago makes room. */
    private void commit(double[] in, long i) {
        int c = categories;
        if (c == lastUsed.length) {
            c = 0;
            for (int k = 1; k < categories; k++) if (lastUsed[k] < lastUsed[c]) c = k;
        } else {
            categories++;
        }
        int base = c * 2 * features;
        for (int k = 0; k < 2 * features; k++) weights[base + k] = quantised(in[k]);
        lastUsed[c] = i;
    }

    /** A weight, 0..1, kept in a byte (255 steps): a box's bounds need no more precision than the inputs' levels. */
    private double weight(int k) {
        return (weights[k] & 0xFF) / 255.0;
    }

    /** Rounded down, so a box rounded from an input still holds it (fuzzy AND is the minimum). */
    private static byte quantised(double w) {
        return (byte) (int) Math.floor(Math.clamp(w, 0, 1) * 255 + 1e-9);
    }

    private static double median(SeriesMemory m) {
        double[] v = new double[m.count()];
        for (int k = 0; k < v.length; k++) v[k] = m.back(k);
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }

    /** Bytes {@link #write} puts under these settings (fixed: every category slot is written). */
    static int bytes(ResonanceSettings s) {
        if (!s.on()) return 0;
        int features = 2 * s.window();
        return 4 + 8 * 6 + 8 * s.window() + 8 + 4 + s.categories() * (2 * features + 8) + 8 * 3
                + 8 * (s.train() / 2 + 1) + 4 + 8 + 8 + 8 * 2 + 4 + 1 + 4;
    }

    /** Bytes {@link #write} puts. */
    int size() {
        return bytes(s);
    }

    void write(ByteBuffer b) {
        if (!s.on()) return;
        b.putInt(blockCount).putDouble(blockSum).putDouble(blockMin).putDouble(blockMax).putDouble(movingAverage).putDouble(low).putDouble(high);
        for (double r : recent) b.putDouble(r);
        b.putLong(blocks).putInt(categories);
        b.put(weights);
        for (long u : lastUsed) b.putLong(u);
        b.putDouble(rhoLow).putDouble(rhoHigh).putDouble(meanMatch);
        for (double a : matches) b.putDouble(a);
        b.putInt(matchNext).putLong(lastUpdate).putLong(lastAnomaly).putDouble(lastAnomalyMatch).putDouble(anomalyMatchMean)
                .putInt(anomalies).put((byte) (maskedByCategory ? 1 : 0)).putInt(sinceNovel);
    }

    /** Reads what {@link #write} put; false when it cannot be this part's state (the memory then starts afresh). */
    boolean read(ByteBuffer b) {
        if (!s.on()) return true;
        blockCount = b.getInt();
        blockSum = b.getDouble();
        blockMin = b.getDouble();
        blockMax = b.getDouble();
        movingAverage = b.getDouble();
        low = b.getDouble();
        high = b.getDouble();
        for (int k = 0; k < recent.length; k++) recent[k] = b.getDouble();
        blocks = b.getLong();
        categories = b.getInt();
        b.get(weights);
        for (int k = 0; k < lastUsed.length; k++) lastUsed[k] = b.getLong();
        rhoLow = b.getDouble();
        rhoHigh = b.getDouble();
        meanMatch = b.getDouble();
        for (int k = 0; k < matches.length; k++) matches[k] = b.getDouble();
        matchNext = b.getInt();
        lastUpdate = b.getLong();
        lastAnomaly = b.getLong();
        lastAnomalyMatch = b.getDouble();
        anomalyMatchMean = b.getDouble();
        anomalies = b.getInt();
        byte masked = b.get();
        maskedByCategory = masked == 1;
        sinceNovel = b.getInt();
        return blockCount >= 0 && blockCount < s.step() && blocks >= 0 && categories >= 0 && categories <= lastUsed.length
                && matchNext >= 0 && matchNext < matches.length && anomalies >= 0 && anomalies <= 32 && (masked == 0 || masked == 1)
                && sinceNovel >= 0 && Double.isFinite(rhoLow) && Double.isFinite(rhoHigh);
    }
}
