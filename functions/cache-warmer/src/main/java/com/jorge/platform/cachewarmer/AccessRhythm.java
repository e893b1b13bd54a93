package com.jorge.platform.cachewarmer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A location's weekly rhythm for one key class, learned from the sampled access stream
 * ({@code AccessStream}): reads per hour of the week (168 slots, UTC, so no time zone is needed). An
 * hour's rate is the mean of two estimates: that hour of the week averaged over the weeks the stream
 * covers (the day-of-week profile), and that hour of the day averaged over the covered days of the same
 * kind, weekday or weekend (the time-of-day profile; five times the data, so a week of history already
 * says something). It answers how likely the location's keys are to be read within a window ahead: a
 * team that opens its dashboards at 08:00 every weekday is predicted at 07:30, long after LRU dropped
 * last evening's copy.
 */
public final class AccessRhythm {

    static final int SLOTS = 7 * 24;
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final int sampleEvery;
    private final int readsPerUse;
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Long> lastRead = new HashMap<>();
    private long firstHour = Long.MAX_VALUE, lastHour = Long.MIN_VALUE;

    /**
     * @param sampleEvery reads each captured record stands for (ACCESS_CAPTURE_SAMPLE_EVERY)
     * @param readsPerUse reads one use makes (a dashboard view reads a location's five BI keys at once)
     */
    public AccessRhythm(int sampleEvery, int readsPerUse) {
        if (sampleEvery < 1 || readsPerUse < 1) throw new IllegalArgumentException("sampleEvery and readsPerUse must be at least 1");
        this.sampleEvery = sampleEvery;
        this.readsPerUse = readsPerUse;
    }

    /** The stored form ({@link BiWarming} keeps it in Redis between runs). */
    public record Snapshot(Map<String, int[]> counts, Map<String, Long> lastRead, long firstHour, long lastHour) {}

    public Snapshot snapshot() {
        Map<String, int[]> c = new HashMap<>();
        counts.forEach((l, v) -> c.put(l, v.clone()));
        return new Snapshot(c, new HashMap<>(lastRead), firstHour, lastHour);
    }

    /** A rhythm restored from {@code s}, forgetting locations not read since {@code forgetBeforeMillis}. */
    public static AccessRhythm of(Snapshot s, int sampleEvery, int readsPerUse, long forgetBeforeMillis) {
        AccessRhythm r = new AccessRhythm(sampleEvery, readsPerUse);
        if (s == null || s.counts() == null || s.lastRead() == null) return r;
        s.counts().forEach((location, c) -> {
            Long last = s.lastRead().get(location);
            if (c == null || c.length != SLOTS || last == null || last < forgetBeforeMillis) return;
            r.counts.put(location, c.clone());
            r.lastRead.put(location, last);
        });
        if (!r.counts.isEmpty()) {
            r.firstHour = s.firstHour();
            r.lastHour = s.lastHour();
        }
        return r;
    }

    /** The locations read at least once. */
    public java.util.Set<String> locations() {
        return java.util.Collections.unmodifiableSet(counts.keySet());
    }

    /** One captured read of the location's keys at {@code atMillis}. */
    public void record(String locationId, long atMillis) {
        long hour = Math.floorDiv(atMillis, HOUR);
        counts.computeIfAbsent(locationId, l -> new int[SLOTS])[slot(hour)]++;
        lastRead.merge(locationId, atMillis, Math::max);
        firstHour = Math.min(firstHour, hour);
        lastHour = Math.max(lastHour, hour);
    }

    /**
     * The chance that the location's keys are read at least once in {@code [fromMillis, fromMillis + window)}:
     * uses arrive as a Poisson process whose hourly rate is the slot's average, {@code 1 - e^-expected}.
     * 0 for a location never seen; an hour of the week the stream has not covered yet counts as quiet.
     */
    public double chance(String locationId, long fromMillis, Duration window) {
        int[] c = counts.get(locationId);
        if (c == null) return 0;
        double expected = 0;
        long end = fromMillis + window.toMillis();
        for (long t = fromMillis; t < end; ) {
            long hour = Math.floorDiv(t, HOUR);
            long next = Math.min(end, (hour + 1) * HOUR);
            expected += (double) (next - t) / HOUR * hourlyRate(c, slot(hour)) * sampleEvery / readsPerUse;
            t = next;
        }
        return 1 - Math.exp(-expected);
    }

    /**
     * The chance that warming the location's keys at {@code fromMillis} pays: that they are read within
     * the look-ahead while the location is in use, and, once it has been quiet for {@code dormantAfter}
     * (overnight: its keys have most likely left the cache), that its first use comes within
     * {@code reach}. A team's first view of the morning falls anywhere in its first busy hours, so a
     * look-ahead of minutes predicts it only by luck; loaded before it and refreshed each run, the keys
     * wait for it, and the warmer's never-push-out-hotter rule keeps that wait from costing hotter keys.
     */
    public double warmChance(String locationId, long fromMillis, Duration lookahead, Duration dormantAfter, Duration reach) {
        Long last = lastRead.get(locationId);
        boolean dormant = last == null || fromMillis - last >= dormantAfter.toMillis();
        return chance(locationId, fromMillis, dormant && reach.compareTo(lookahead) > 0 ? reach : lookahead);
    }

    /** Captured reads per hour in {@code slot}: the day-of-week and time-of-day estimates' mean. */
    private double hourlyRate(int[] c, int slot) {
        int weeks = weeksCovering(slot);
        double ofWeek = weeks == 0 ? 0 : (double) c[slot] / weeks;
        boolean weekend = weekend(slot);
        int reads = 0, days = 0;
        for (int s = slot % 24; s < SLOTS; s += 24) {
            if (weekend(s) != weekend) continue;
            reads += c[s];
            days += weeksCovering(s);
        }
        double ofDay = days == 0 ? 0 : (double) reads / days;
        return (ofWeek + ofDay) / 2;
    }

    /** Slot 0 is the hour of the week the Unix epoch starts in, a Thursday: days 2 and 3 are Saturday and Sunday. */
    private static boolean weekend(int slot) {
        int day = slot / 24;
        return day == 2 || day == 3;
    }

    /** How many times the captured span [firstHour, lastHour] passed through {@code slot}. */
    private int weeksCovering(int slot) {
        if (firstHour > lastHour) return 0;
        long hours = lastHour - firstHour + 1;
        long offset = Math.floorMod(slot - slot(firstHour), SLOTS);
        return (int) (hours / SLOTS + (offset < hours % SLOTS ? 1 : 0));
    }

    private static int slot(long hour) {
        return (int) Math.floorMod(hour, (long) SLOTS);
    }
}
