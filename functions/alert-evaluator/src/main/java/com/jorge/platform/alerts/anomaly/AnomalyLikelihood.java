package com.jorge.platform.alerts.anomaly;

import java.nio.ByteBuffer;

/**
 * NAB's/HTM's anomaly likelihood over one raw score (0..1): the mean of the last {@link AnomalySettings#RECENT} scores
 * in long-run sigmas over the long-run mean, the long run forgotten exponentially. Turns a noisy raw score into
 * "unusual for this series". Mutable: it changes at every point; part of {@link SeriesMemory}.
 */
final class AnomalyLikelihood {

    /** Bytes {@link #write} puts. */
    static final int BYTES = 8 * AnomalySettings.RECENT + 4 * 2 + 8 * 3;

    private final double[] recent = new double[AnomalySettings.RECENT];
    private int recentCount;
    private int recentNext;
    private double mean;
    private double variance;
    private long scored;

    /** Adds a raw score; answers how unusual the recent mean is (0 until the recent ring has filled once). */
    double observe(double score, int halfLife) {
        recent[recentNext] = score;
        recentNext = (recentNext + 1) % recent.length;
        if (recentCount < recent.length) recentCount++;
        double sum = 0;
        for (int i = 0; i < recentCount; i++) sum += recent[i];
        double recentMean = sum / recentCount;
        // HTM's lower bounds (mean 0.03, variance 0.0003): after hours of near-zero scores (a flat counter) the
        // slightest blip would otherwise be "a thousand sigmas"
        double z = scored > AnomalySettings.RECENT
                ? (recentMean - Math.max(mean, 0.03)) / Math.sqrt(Math.max(variance, 0.0003)) : 0;
        scored++;
        double alpha = Math.max(1.0 / scored, 1 - Math.pow(0.5, 1.0 / halfLife));
        double d = recentMean - mean;
        mean += alpha * d;
        variance = (1 - alpha) * (variance + alpha * d * d);
        return z;
    }

    void write(ByteBuffer b) {
        for (double r : recent) b.putDouble(r);
        b.putInt(recentCount).putInt(recentNext).putDouble(mean).putDouble(variance).putLong(scored);
    }

    /** Reads what {@link #write} put; false when it cannot be this class's (the memory is then started afresh). */
    boolean read(ByteBuffer b) {
        for (int i = 0; i < recent.length; i++) recent[i] = b.getDouble();
        recentCount = b.getInt();
        recentNext = b.getInt();
        mean = b.getDouble();
        variance = b.getDouble();
        scored = b.getLong();
        return recentCount >= 0 && recentCount <= recent.length && recentNext >= 0 && recentNext < recent.length && scored >= 0;
    }
}
