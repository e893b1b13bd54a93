package com.jorge.platform.cachewarmer;

import com.jorge.platform.config.PlatformConfig;

import java.time.Duration;

/**
 * What one warm run may do. Every key is optional; a bad value fails the run at start-up with an error
 * naming the key, never half-way through a run.
 *
 * @param namespace          the Redis key prefix the worker uses (REDIS_NAMESPACE)
 * @param maxLeads           the most leads kept warm by one run, counting those already warm
 * @param maxBytes           the most bytes (keys and values) those leads' entries may take
 * @param timeBudget         how long a run may take; the Lambda handler shortens it to the time it has left
 * @param entryTtl           how long a warmed entry lives unless the worker touches it (the worker's own
 *                           writes keep their longer TTL); a lead that stops being wanted drops out by itself
 * @param activeWindow       a lead who wrote within this window is a candidate
 * @param awaitingReplyWindow a lead the bot texted within this window and who has not answered is a candidate
 * @param appointmentWindow  a lead with an appointment starting within this window is a candidate
 * @param lookahead          how far ahead the run warms for: a held reply due within it is a signal
 * @param maxCandidates      the most candidate rows read from Aurora per run (bounds memory)
 * @param batchSize          leads read from Aurora per transaction
 * @param minChance          leads the ranking gives a lower chance of being read within the look-ahead are
 *                           neither loaded nor refreshed (WARMER_MIN_CHANCE_PERCENT): a load below it costs Redis
 *                           more than it is likely to save, and may push out a key as likely to be read. Applies to
 *                           the ranking's raw score, so only while the warmer does not calibrate
 * @param minCalibratedChance the same threshold once the warmer calibrates ({@link #calibrates()}), applied to the
 *                           calibrated chance (WARMER_MIN_CALIBRATED_CHANCE_PERCENT): the raw scores of different
 *                           classes mean different things (a lead the bot just texted scores up to 1.17 and is read
 *                           within the look-ahead a few % of the time, a follow-up step 0.95 and 98 %)
 * @param backoffLatency     the run stops when the slowest master's PING, probed before each batch, averages
 *                           more than this (WARMER_BACKOFF_LATENCY_MS): a busy Redis serves the worker first
 * @param backoffCpu         the run stops when a master's CPU use between two probes exceeds this share of a
 *                           core (WARMER_BACKOFF_CPU_PERCENT; Redis runs commands on one thread)
 * @param captureSampleEvery the worker's access capture, 1 get in this many (ACCESS_CAPTURE_SAMPLE_EVERY, the
 *                           worker's own key and value; 0 = off): the warmer learns what its chances mean
 *                           ({@link ChanceCalibration}) only from a capture that is on
 * @param calibrationSample  predictions kept per run for calibration, per class and chance bucket
 *                           (WARMER_CALIBRATION_SAMPLE; 0 = learn nothing, rank by the raw chance)
 */
public record CacheWarmerSettings(String namespace, int maxLeads, long maxBytes, Duration timeBudget, Duration entryTtl,
                                  Duration activeWindow, Duration awaitingReplyWindow, Duration appointmentWindow,
                                  Duration lookahead, int maxCandidates, int batchSize, double minChance,
                                  double minCalibratedChance, Duration backoffLatency, double backoffCpu, int captureSampleEvery,
                                  int calibrationSample) {

    public static final int DEFAULT_MAX_LEADS = 5_000;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public CacheWarmerSettings {
        if (namespace == null || namespace.isBlank()) throw new IllegalArgumentException("REDIS_NAMESPACE must not be blank");
        atLeast("WARMER_MAX_LEADS", maxLeads, 1);
        atLeast("WARMER_MAX_BYTES", maxBytes, 1);
        atLeast("WARMER_MAX_CANDIDATES", maxCandidates, 1);
        atLeast("WARMER_BATCH_SIZE", batchSize, 1);
        positive("WARMER_TIME_BUDGET_SECONDS", timeBudget);
        positive("WARMER_TTL_MINUTES", entryTtl);
        positive("WARMER_ACTIVE_DAYS", activeWindow);
        positive("WARMER_AWAITING_REPLY_HOURS", awaitingReplyWindow);
        positive("WARMER_APPOINTMENT_HOURS", appointmentWindow);
        positive("WARMER_LOOKAHEAD_MINUTES", lookahead);
        if (!(minChance >= 0 && minChance <= 1)) {
            throw new IllegalArgumentException("configuration WARMER_MIN_CHANCE_PERCENT must be between 0 and 100 (was " + minChance * 100 + ")");
        }
        if (!(minCalibratedChance >= 0 && minCalibratedChance <= 1)) {
            throw new IllegalArgumentException("configuration WARMER_MIN_CALIBRATED_CHANCE_PERCENT must be between 0 and 100 (was "
                    + minCalibratedChance * 100 + ")");
        }
        positive("WARMER_BACKOFF_LATENCY_MS", backoffLatency);
        atLeast("ACCESS_CAPTURE_SAMPLE_EVERY", captureSampleEvery, 0);
        atLeast("WARMER_CALIBRATION_SAMPLE", calibrationSample, 0);
        if (!(backoffCpu > 0 && backoffCpu <= 1)) {
            throw new IllegalArgumentException("configuration WARMER_BACKOFF_CPU_PERCENT must be between 1 and 100 (was " + backoffCpu * 100 + ")");
        }
    }

    public static CacheWarmerSettings defaults() {
        return fromConfig(PlatformConfig.of(java.util.Map.of()));
    }

    public static CacheWarmerSettings fromConfig(PlatformConfig config) {
        return new CacheWarmerSettings(
                config.get("REDIS_NAMESPACE", "jorge"),
                config.getInt("WARMER_MAX_LEADS", DEFAULT_MAX_LEADS),
                longValue(config, "WARMER_MAX_BYTES", DEFAULT_MAX_BYTES),
                Duration.ofSeconds(config.getInt("WARMER_TIME_BUDGET_SECONDS", 240)),
                Duration.ofMinutes(config.getInt("WARMER_TTL_MINUTES", 120)),
                Duration.ofDays(config.getInt("WARMER_ACTIVE_DAYS", 7)),
                Duration.ofHours(config.getInt("WARMER_AWAITING_REPLY_HOURS", 48)),
                Duration.ofHours(config.getInt("WARMER_APPOINTMENT_HOURS", 24)),
                Duration.ofMinutes(config.getInt("WARMER_LOOKAHEAD_MINUTES", 45)),
                config.getInt("WARMER_MAX_CANDIDATES", 50_000),
                config.getInt("WARMER_BATCH_SIZE", 100),
                config.getInt("WARMER_MIN_CHANCE_PERCENT", 50) / 100.0,
                config.getInt("WARMER_MIN_CALIBRATED_CHANCE_PERCENT", 30) / 100.0,
                Duration.ofMillis(config.getInt("WARMER_BACKOFF_LATENCY_MS", 50)),
                config.getInt("WARMER_BACKOFF_CPU_PERCENT", 70) / 100.0,
                config.getInt("ACCESS_CAPTURE_SAMPLE_EVERY", 0),
                config.getInt("WARMER_CALIBRATION_SAMPLE", 4));
    }

    public CacheWarmerSettings withBudget(int leads, long bytes) {
        return new CacheWarmerSettings(namespace, leads, bytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, minCalibratedChance, backoffLatency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withTimeBudget(Duration budget) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, budget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, minCalibratedChance, backoffLatency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withNamespace(String ns) {
        return new CacheWarmerSettings(ns, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, minCalibratedChance, backoffLatency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withMinChance(double chance) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, chance, minCalibratedChance, backoffLatency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withMinCalibratedChance(double chance) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, chance, backoffLatency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withBackoffLatency(Duration latency) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, minCalibratedChance, latency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withBackoffCpu(double share) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, minCalibratedChance, backoffLatency, share, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withBatchSize(int leads) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, leads, minChance, minCalibratedChance, backoffLatency, backoffCpu, captureSampleEvery, calibrationSample);
    }

    public CacheWarmerSettings withCalibration(int sampleEvery, int sample) {
        return new CacheWarmerSettings(namespace, maxLeads, maxBytes, timeBudget, entryTtl, activeWindow, awaitingReplyWindow,
                appointmentWindow, lookahead, maxCandidates, batchSize, minChance, minCalibratedChance, backoffLatency, backoffCpu, sampleEvery, sample);
    }

    /** Learning needs the worker's capture on and a sample to learn from. */
    public boolean calibrates() {
        return captureSampleEvery > 0 && calibrationSample > 0;
    }

    private static long longValue(PlatformConfig config, String name, long fallback) {
        return config.get(name).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("configuration " + name + " must be an integer (bytes)", e);
            }
        }).orElse(fallback);
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) throw new IllegalArgumentException("configuration " + name + " must be at least " + min + " (was " + value + ")");
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("configuration " + name + " must be positive (was " + value + ")");
        }
    }
}
