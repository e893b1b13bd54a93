package com.jorge.platform.cachewarmer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.BiCache;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The BI side of a warm run. bi-api caches each location's report in Redis ({@link BiCache}) and captures every
 * read of it into the access stream; from those reads {@link AccessRhythm} learns each location's weekly rhythm
 * (kept in Redis between runs, {@code <namespace>:warmer:bi-rhythm}, locations unread for
 * {@link #FORGET_AFTER} dropped), and a location likely to open its dashboards soon gets its report loaded
 * before it does: the JSON of the month to date in the location's zone, what a dashboard asks for by default,
 * computed from the rollups as bi-api computes it ({@link BiReportReader}, read only). A location quiet for
 * {@link Settings#dormantAfter} (overnight: its report expired long ago) is looked at over
 * {@link Settings#firstViewReach} instead of the look-ahead, so its report is there before the team's first view
 * of the morning, whose minute is never known.
 */
public final class BiWarming {

    static final Duration FORGET_AFTER = Duration.ofDays(28);
    private static final long STREAM_SLACK_MILLIS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(BiWarming.class);

    /**
     * @param dormantAfter   a location whose reports nobody read for this long is dormant (WARMER_BI_DORMANT_HOURS, 4)
     * @param firstViewReach how far ahead a dormant location's first view is looked for (WARMER_BI_FIRST_VIEW_MINUTES,
     *                       120; 45, 120 and 180 were compared in perf/cache-warming on tuning seeds)
     */
    public record Settings(Duration dormantAfter, Duration firstViewReach) {
        public static Settings fromConfig(PlatformConfig config) {
            int hours = config.getInt("WARMER_BI_DORMANT_HOURS", 4);
            int minutes = config.getInt("WARMER_BI_FIRST_VIEW_MINUTES", 120);
            if (hours < 1) throw new IllegalArgumentException("configuration WARMER_BI_DORMANT_HOURS must be at least 1 (was " + hours + ")");
            if (minutes < 1) throw new IllegalArgumentException("configuration WARMER_BI_FIRST_VIEW_MINUTES must be at least 1 (was " + minutes + ")");
            return new Settings(Duration.ofHours(hours), Duration.ofMinutes(minutes));
        }
    }

    /** A location whose dashboards are likely read within the look-ahead (or, dormant, within the reach). */
    public record Predicted(String locationId, double chance) {}

    /** A location's report for this run: {@code body} null when it is cached already; {@code bytes} its key and value. */
    public record Report(String locationId, LocalDate from, LocalDate to, String body, long bytes) {
        public boolean cached() {
            return body == null;
        }
    }

    /** The stored rhythm and how far the stream has been read into it. */
    public record Stored(AccessRhythm.Snapshot rhythm, long readUpTo) {}

    private final RedisConnector redis;
    private final ObjectMapper json;
    private final String key;
    private final AccessStream access;
    private final BiCache cache;
    private final BiReportReader reports;
    private final Settings settings;

    public BiWarming(RedisConnector redis, ObjectMapper json, String namespace, AccessStream access, BiCache cache,
                     BiReportReader reports, Settings settings) {
        this.redis = redis;
        this.json = json;
        this.key = namespace + ":warmer:bi-rhythm";
        this.access = access;
        this.cache = cache;
        this.reports = reports;
        this.settings = settings;
    }

    /**
     * Adds the BI reads captured since the last run to the stored rhythm, saves it, and answers the locations
     * with a positive chance of a read, in no order.
     */
    public List<Predicted> predict(Instant now, Duration lookahead) {
        Stored stored = load();
        long forget = now.minus(FORGET_AFTER).toEpochMilli();
        // BI reads are captured whole (bi-api records every get), one read per request
        AccessRhythm rhythm = AccessRhythm.of(stored == null ? null : stored.rhythm(), 1, 1, forget);
        long readUpTo = stored == null ? forget : stored.readUpTo();
        long[] newest = {readUpTo};
        access.forEachSince(readUpTo - STREAM_SLACK_MILLIS, a -> { // page by page: the first run reads what the stream holds
            if (a.keyClass() != AccessCapture.KeyClass.BI || a.atMillis() <= readUpTo || a.atMillis() > now.toEpochMilli()) return;
            rhythm.record(a.locationId(), a.atMillis());
            newest[0] = Math.max(newest[0], a.atMillis());
        });
        save(new Stored(rhythm.snapshot(), newest[0]));
        List<Predicted> out = new ArrayList<>();
        for (String location : rhythm.locations()) {
            double chance = rhythm.warmChance(location, now.toEpochMilli(), lookahead, settings.dormantAfter(), settings.firstViewReach());
            if (chance > 0) out.add(new Predicted(location, chance));
        }
        return out;
    }

    /** The location's report of the month to date: its size if cached, else computed (read only) for {@link #write}. */
    public Report prepare(String locationId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, reports.zone(locationId));
        LocalDate from = today.withDayOfMonth(1);
        long cached = cache.cachedBytes(locationId, BiCache.VIEW_JSON, from, today);
        if (cached >= 0) return new Report(locationId, from, today, null, cached);
        String body = reports.report(locationId, from, today).toJson();
        long bytes = cache.keyBytes(locationId, BiCache.VIEW_JSON, from, today) + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return new Report(locationId, from, today, body, bytes);
    }

    /** Writes a report {@link #prepare} computed, with bi-api's TTL: a fresh computation is never older than a cached one. */
    public void write(Report report) {
        if (!report.cached()) cache.load(report.locationId(), BiCache.VIEW_JSON, report.from(), report.to(), report.body());
    }

    private Stored load() {
        String value;
        try {
            value = redis.commands().get(key);
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis GET failed", e);
        }
        if (value == null) return null;
        try {
            return json.readValue(value, Stored.class);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("BI rhythm unreadable ({}), starting over", e.getClass().getSimpleName());
            return null;
        }
    }

    private void save(Stored stored) {
        try {
            redis.commands().set(key, json.writeValueAsString(stored), SetArgs.Builder.px(FORGET_AFTER.toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the BI rhythm", e);
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis SET failed", e);
        }
    }
}
