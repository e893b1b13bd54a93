package com.jorge.platform.cachewarmer;

import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.BiCache;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BI reports pre-loaded before a location's first dashboard view of the morning, on the real PostgreSQL and
 * Redis. Last week, loc-bi-am's team read its report three times between 08:00 and 09:00 UTC every weekday and
 * loc-bi-pm's only in the afternoon (bi-api's captured reads, in the access stream). At 06:45 on Tuesday, both
 * quiet since the evening, the warmer loads loc-bi-am's month to date, exactly what bi-api would compute and
 * under the key bi-api reads, and leaves loc-bi-pm alone; a run 15 minutes later finds it warm and computes
 * nothing. Its own time keeps the shared schema's rows apart; before today, as the stream's entry ids are the real time.
 */
class BiWarmingTest {

    static final Instant NOW = Instant.parse("2025-10-14T06:45:00Z"); // a Tuesday
    static WarmerRig rig;

    @BeforeAll
    static void seed() throws Exception {
        rig = WarmerRig.shared();
        rig.sql("INSERT INTO locations (location_id, time_zone) VALUES ('loc-bi-am', 'UTC'), ('loc-bi-pm', 'UTC') ON CONFLICT DO NOTHING");
        rig.sql("INSERT INTO bi_daily_funnel (location_id, day, bot_type, channel, new_leads, leads_answered, qualified, hot, handed_off,"
                + " appointments_booked, opted_out) VALUES ('loc-bi-am', '2025-10-13', 'seller', 'sms', 9, 5, 3, 1, 1, 1, 0)");
    }

    private static List<AccessCapture.Access> lastWeeksReads() {
        List<AccessCapture.Access> reads = new ArrayList<>();
        for (int day = 1; day <= 7; day++) { // Tuesday 7 to Monday 13 October
            Instant midnight = Instant.parse("2025-10-06T00:00:00Z").plus(Duration.ofDays(day));
            int weekday = midnight.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
            if (weekday > 5) continue;
            for (int minute : new int[] {5, 25, 50}) {
                reads.add(bi("loc-bi-am", midnight.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(minute))));
                reads.add(bi("loc-bi-pm", midnight.plus(Duration.ofHours(15)).plus(Duration.ofMinutes(minute))));
            }
        }
        return reads;
    }

    private static AccessCapture.Access bi(String location, Instant at) {
        return new AccessCapture.Access(AccessCapture.KeyClass.BI, location, "-", at.toEpochMilli());
    }

    @Test
    void aLocationsReportIsLoadedBeforeItsFirstViewOfTheMorningAndOnlyOnce() throws Exception {
        String ns = TestRedis.namespace("bi-warming");
        CacheKeys keys = new CacheKeys(ns);
        new AccessStream(rig.redis, keys).write(lastWeeksReads());
        CacheWarmerSettings settings = CacheWarmerSettings.defaults().withNamespace(ns).withBackoffLatency(Duration.ofSeconds(5));
        PlatformConfig config = PlatformConfig.of(Map.of("BI_DEFAULT_ZONE", "UTC", "BI_CACHE_TTL_SECONDS", "900"));

        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        BiWarming bi = CacheWarmerFunction.biWarming(rig.database.dataSource(), rig.redis, settings, config, clock);
        WarmSummary first = rig.warmerWith(settings, bi, new RecordedMetrics(), clock).run();

        BiCache cache = new BiCache(rig.redis, keys, Duration.ofSeconds(900), null);
        LocalDate from = LocalDate.parse("2025-10-01"), to = LocalDate.parse("2025-10-14");
        String computed = new BiReportReader(rig.database.dataSource(), BiSettings.fromConfig(config), clock).report("loc-bi-am", from, to).toJson();
        assertThat(cache.get("loc-bi-am", BiCache.VIEW_JSON, from, to)).contains(computed);
        assertThat(computed).contains("\"newLeads\" : 9");
        assertThat(rig.redis.commands().pttl(keys.biReport("loc-bi-am", BiCache.VIEW_JSON, from, to))).isBetween(890_000L, 900_000L);
        assertThat(cache.cachedBytes("loc-bi-pm", BiCache.VIEW_JSON, from, to)).isEqualTo(-1);
        assertThat(first.warmed()).isEqualTo(1);
        assertThat(first.considered()).isEqualTo(1); // the afternoon team: no chance of a view before 08:45
        assertThat(first.bytes()).isEqualTo(cache.cachedBytes("loc-bi-am", BiCache.VIEW_JSON, from, to));

        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        WarmSummary second = rig.warmerWith(settings,
                CacheWarmerFunction.biWarming(rig.database.dataSource(), rig.redis, settings, config, later), new RecordedMetrics(), later).run();
        assertThat(second.warmed()).isZero();
        assertThat(second.alreadyWarm()).isEqualTo(1);
    }
}
