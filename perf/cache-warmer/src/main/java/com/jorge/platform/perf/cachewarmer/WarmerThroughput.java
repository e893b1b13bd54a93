package com.jorge.platform.perf.cachewarmer;

import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.cachewarmer.CacheWarmer;
import com.jorge.platform.cachewarmer.CacheWarmerFunction;
import com.jorge.platform.cachewarmer.CacheWarmerSettings;
import com.jorge.platform.cachewarmer.WarmSummary;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

/**
 * perf/cache-warmer/run.sh runs it (never part of {@code mvn verify}). Seeds N leads (a tenth opted out, DND or deleted) over 40
 * locations on the real PostgreSQL, then times a cold run (every entry written) and a warm run (every
 * entry already there) against the real Redis, budget large enough to take every eligible lead.
 */
public final class WarmerThroughput {

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (TestPostgres.Schema schema = TestPostgres.newSchema("warmer_perf");
             Database database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 4)).migrate();
             RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofSeconds(1))) {
            long seedStart = System.nanoTime();
            try (Connection c = schema.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO locations (location_id) SELECT 'loc-' || i FROM generate_series(0, 39) i");
                st.execute("""
                        INSERT INTO contacts (location_id, contact_id, first_name, phone, tags, dnd, deleted_at)
                        SELECT 'loc-' || (i % 40), 'c-' || i, 'Lead' || i, '+1512555' || lpad((i % 10000)::text, 4, '0'),
                               '{seller,facebook}', i % 20 = 1, CASE WHEN i % 20 = 2 THEN now() END
                        FROM generate_series(1, $N) i""".replace("$N", Integer.toString(leads)));
                st.execute("""
                        INSERT INTO conversations (location_id, contact_id, bot_type, stage, language, facts, turns,
                            temperature, temperature_reasons, opted_out, last_inbound_at, last_reply_at, version)
                        SELECT 'loc-' || (i % 40), 'c-' || i, 'SELLER', 'qualifying', 'en',
                               '{"seller.timeline":"60d","seller.motivation":"relocating","seller.area":"Austin"}', 4,
                               (ARRAY['COLD','WARM','HOT'])[1 + i % 3], '["timeline","motivation"]', i % 20 = 3,
                               now() - (i % 5000) * interval '1 minute' - interval '1 minute',
                               now() - (i % 5000) * interval '1 minute', 3
                        FROM generate_series(1, $N) i""".replace("$N", Integer.toString(leads)));
                st.execute("ANALYZE");
            }
            System.out.printf("seeded %d leads in %d ms%n", leads, Duration.ofNanos(System.nanoTime() - seedStart).toMillis());
            CacheWarmerSettings settings = CacheWarmerSettings.defaults()
                    .withNamespace(TestRedis.namespace("warmer-perf")).withBudget(leads, Long.MAX_VALUE);
            RecordedMetrics metrics = new RecordedMetrics();
            CacheWarmer warmer = CacheWarmerFunction.warmer(database.dataSource(), redis, settings, metrics, Clock.systemUTC());
            for (String run : new String[]{"cold", "warm"}) {
                WarmSummary s = warmer.run();
                System.out.printf("%s run: considered=%d warmed=%d alreadyWarm=%d skipped=%d bytes=%d elapsed=%d ms -> %.0f leads/s%n",
                        run, s.considered(), s.warmed(), s.alreadyWarm(), s.skipped(), s.bytes(), s.elapsedMillis(),
                        (s.warmed() + s.alreadyWarm()) * 1000.0 / Math.max(1, s.elapsedMillis()));
            }
            for (String key : redis.commands().keys(settings.namespace() + ":*")) redis.commands().del(key);
        }
    }
}
