package com.jorge.platform.cachewarmer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.cache.BiCache;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The warmer's object graph, built from configuration once per Lambda container, or once by the local
 * runtime, which calls {@link #run()} on its schedule. Keys: DATABASE_URL, DATABASE_USER/DATABASE_PASSWORD
 * or DATABASE_SECRET, REDIS_URL (required: a warmer without Redis has nothing to do), REDIS_CLUSTER,
 * REDIS_AUTH, REDIS_NAMESPACE and the WARMER_* keys of {@link CacheWarmerSettings}. The warmer never
 * migrates or writes Aurora; the worker owns the schema.
 */
public record CacheWarmerFunction(Database database, RedisConnector redis, CacheWarmer warmer,
                                  CacheWarmerSettings settings) implements AutoCloseable {

    public static CacheWarmerFunction fromEnvironment(PlatformMetrics metrics) {
        return fromConfig(PlatformConfig.fromEnvironment(), metrics, Clock.systemUTC());
    }

    public static CacheWarmerFunction fromConfig(PlatformConfig config, PlatformMetrics metrics, Clock clock) {
        CacheWarmerSettings settings = CacheWarmerSettings.fromConfig(config);
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofMillis(config.getInt("REDIS_TIMEOUT_MS", 500)));
        if (redis == null) throw new IllegalStateException("configuration REDIS_URL is missing: the cache warmer needs Redis");
        Database database = Database.open(Database.Settings.fromConfig(config));
        BiWarming bi = config.getBoolean("WARMER_BI_REPORTS", false) ? biWarming(database.dataSource(), redis, settings, config, clock) : null;
        return new CacheWarmerFunction(database, redis, warmer(database.dataSource(), redis, settings, bi, metrics, clock), settings);
    }

    /**
     * A warmer over a pool and a Redis connection someone else owns (the local runtime shares the worker's);
     * closing them stays with the owner.
     */
    public static CacheWarmer warmer(DataSource dataSource, RedisConnector redis, CacheWarmerSettings settings,
                                     PlatformMetrics metrics, Clock clock) {
        return warmer(dataSource, redis, settings, null, metrics, clock);
    }

    /**
     * The BI side (WARMER_BI_REPORTS): bi-api's cache (BI_CACHE_TTL_SECONDS, as bi-api reads it) and its report
     * reader with the BI settings (BI_*), which must be bi-api's own, or the warmer would cache other numbers than
     * bi-api computes; WARMER_BI_DORMANT_HOURS, WARMER_BI_FIRST_VIEW_MINUTES.
     */
    public static BiWarming biWarming(DataSource dataSource, RedisConnector redis, CacheWarmerSettings settings,
                                      PlatformConfig config, Clock clock) {
        int ttl = config.getInt("BI_CACHE_TTL_SECONDS", 900);
        if (ttl < 1) throw new IllegalStateException("configuration BI_CACHE_TTL_SECONDS must be at least 1");
        CacheKeys keys = new CacheKeys(settings.namespace());
        return new BiWarming(redis, PlatformJson.mapper(), settings.namespace(), new AccessStream(redis, keys),
                new BiCache(redis, keys, Duration.ofSeconds(ttl), null),
                new BiReportReader(dataSource, BiSettings.fromConfig(config), clock), BiWarming.Settings.fromConfig(config));
    }

    /** With the BI side ({@code bi}, null: leads only). */
    public static CacheWarmer warmer(DataSource dataSource, RedisConnector redis, CacheWarmerSettings settings, BiWarming bi,
                                     PlatformMetrics metrics, Clock clock) {
        ObjectMapper json = PlatformJson.mapper();
        CacheKeys keys = new CacheKeys(settings.namespace());
        return new CacheWarmer(new Transactor(dataSource), new WarmCandidateRepository(),
                new ConversationRepository(json), new ContactRepository(),
                new GuardedCacheWriter(redis, keys, settings.entryTtl()), new WarmCandidatePolicy(),
                new WarmOutcomes(new WarmCalibrationStore(redis, json, settings.namespace()), new AccessStream(redis, keys), settings),
                bi, json, settings, metrics, clock);
    }

    /** One run within the configured time budget: what the local runtime schedules every 15 minutes. */
    public WarmSummary run() {
        return warmer.run();
    }

    /** Runs once from the environment and prints the summary as JSON; exits 1 when the run fails. */
    public static void main(String[] args) throws Exception {
        RecordedMetrics metrics = new RecordedMetrics();
        try (CacheWarmerFunction function = fromEnvironment(metrics)) {
            WarmSummary summary = function.run();
            System.out.println(PlatformJson.mapper().writeValueAsString(summary));
        } catch (RuntimeException e) {
            System.err.println("cache warm failed: " + e.getMessage());
            System.exit(1);
        }
    }

    @Override
    public void close() {
        redis.close();
        database.close();
    }
}
