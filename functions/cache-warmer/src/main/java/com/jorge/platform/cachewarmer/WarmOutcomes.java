package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Closes the loop between what the warmer predicted and what the worker read: at the start of a run, the
 * predictions of earlier runs whose look-ahead has passed are looked up in the access stream (a read of
 * the lead's keys, or of the location's BI keys, within {@code [at, at + look-ahead)}) and counted into the
 * {@link ChanceCalibration}; at the end, a stratified sample of this run's ranking is kept for later runs.
 * A prediction older than the stream's oldest record is dropped uncounted: the stream is trimmed, and a
 * read it no longer holds must not count as no read.
 */
public final class WarmOutcomes {

    /** Stream entries are stamped when the capture thread writes a batch, a little after the records in it. */
    private static final long STREAM_SLACK_MILLIS = 60_000;
    static final java.time.Duration MAX_AGE = java.time.Duration.ofHours(6);

    private final WarmCalibrationStore store;
    private final AccessStream access;
    private final CacheWarmerSettings settings;

    public WarmOutcomes(WarmCalibrationStore store, AccessStream access, CacheWarmerSettings settings) {
        this.store = store;
        this.access = access;
        this.settings = settings;
    }

    /** The stored calibration, with every prediction whose window ended by {@code now} counted. */
    public ChanceCalibration learn(Instant now) {
        ChanceCalibration calibration = store.load();
        long window = settings.lookahead().toMillis();
        List<ChanceCalibration.Pending> due = calibration.due(now.toEpochMilli(), window);
        if (due.isEmpty()) return calibration;
        OptionalLong oldest = access.oldestMillis();
        if (oldest.isEmpty()) return calibration; // capture never ran, or the stream expired: nothing is known
        // predictions a stopped warmer left behind for longer are dropped: the stream behind them is read page by page,
        // but nobody needs hours of it to learn from
        long from = Math.max(due.stream().mapToLong(ChanceCalibration.Pending::atMillis).min().orElseThrow(), now.minus(MAX_AGE).toEpochMilli());
        Set<String> wanted = new HashSet<>();
        for (ChanceCalibration.Pending p : due) wanted.add(item(p.warmClass() == WarmClass.BI, p.locationId(), p.contactId()));
        Map<String, List<Long>> reads = new HashMap<>();
        access.forEachSince(from - STREAM_SLACK_MILLIS, a -> {
            String item = item(a.keyClass() == AccessCapture.KeyClass.BI, a.locationId(), a.contactId());
            if (wanted.contains(item)) reads.computeIfAbsent(item, k -> new ArrayList<>()).add(a.atMillis());
        });
        for (ChanceCalibration.Pending p : due) {
            if (p.atMillis() < oldest.getAsLong() || p.atMillis() < from) continue;
            List<Long> times = reads.getOrDefault(item(p.warmClass() == WarmClass.BI, p.locationId(), p.contactId()), List.of());
            boolean read = times.stream().anyMatch(t -> t >= p.atMillis() && t < p.atMillis() + window);
            calibration.observe(p.warmClass(), p.chance(), read);
        }
        return calibration;
    }

    /**
     * Keeps up to {@link CacheWarmerSettings#calibrationSample} of this run's ranked leads per class and chance
     * bucket, drawn at random (seeded by the run's time, so a run repeats), and saves the calibration.
     */
    public void remember(ChanceCalibration calibration, List<WarmCandidatePolicy.Ranked> ranked, List<BiWarming.Predicted> locations,
                         Instant now) {
        List<ChanceCalibration.Pending> all = new ArrayList<>();
        for (WarmCandidatePolicy.Ranked r : ranked) {
            all.add(new ChanceCalibration.Pending(r.warmClass(), r.candidate().lead().locationId(), r.candidate().lead().contactId(),
                    r.score(), now.toEpochMilli()));
        }
        for (BiWarming.Predicted p : locations) {
            all.add(new ChanceCalibration.Pending(WarmClass.BI, p.locationId(), null, p.chance(), now.toEpochMilli()));
        }
        Collections.shuffle(all, new java.util.Random(new SplittableRandom(now.toEpochMilli()).nextLong()));
        Map<WarmClass, int[]> taken = new EnumMap<>(WarmClass.class);
        for (ChanceCalibration.Pending p : all) {
            int[] perBucket = taken.computeIfAbsent(p.warmClass(), k -> new int[ChanceCalibration.BUCKETS]);
            int b = ChanceCalibration.bucket(p.chance());
            if (perBucket[b] >= settings.calibrationSample()) continue;
            perBucket[b]++;
            calibration.predict(p);
        }
        store.save(calibration);
    }

    /**
     * The chance that the stream shows a use that happened: the capture records 1 get in {@code s}, a use
     * reads {@link WarmClass#readsPerUse} keys. BI reads are captured whole (bi-api records every one).
     */
    public double detection(WarmClass k) {
        if (k == WarmClass.BI || settings.captureSampleEvery() <= 0) return 1; // capture off: nothing learned to correct
        return 1 - Math.pow(1 - 1.0 / settings.captureSampleEvery(), k.readsPerUse());
    }

    private static String item(boolean bi, String locationId, String contactId) {
        return bi ? "B\t" + locationId : "L\t" + locationId + "\t" + contactId;
    }
}
