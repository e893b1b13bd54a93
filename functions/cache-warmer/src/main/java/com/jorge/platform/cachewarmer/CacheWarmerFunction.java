package com.jorge.platform.cachewarmer;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        return new CacheWarmerFunction(database, redis, warmer(database.dataSource(), redis, settings, metrics, clock), settings);
    }

    /**
     * A warmer over a pool and a Redis connection someone else owns (the local runtime shares the worker's);
     * closing them stays with the owner.
     */
    public static CacheWarmer warmer(DataSource dataSource, RedisConnector redis, CacheWarmerSettings settings,
                                     PlatformMetrics metrics, Clock clock) {
        ObjectMapper json = PlatformJson.mapper();
        return new CacheWarmer(new Transactor(dataSource), new WarmCandidateRepository(),
                new ConversationRepository(json), new ContactRepository(),
                new GuardedCacheWriter(redis, new CacheKeys(settings.namespace()), settings.entryTtl()),
                new WarmCandidatePolicy(), json, settings, metrics, clock);
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
