package com.jorge.platform.cachewarmer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.state.ConversationStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A migrated schema on the real PostgreSQL, the real Redis, and the two sides under test: the warmer and
 * the worker's own read path (ConversationStore over LeadCache, wired as WorkerFunction wires them).
 */
final class WarmerRig implements AutoCloseable {

    static final Duration WORKER_CONVERSATION_TTL = Duration.ofDays(7);
    static final Duration WORKER_PROFILE_TTL = Duration.ofDays(1);

    final ObjectMapper json = PlatformJson.mapper();
    final TestPostgres.Schema schema = TestPostgres.migratedSchema("warmer");
    final Database database;
    final Transactor db;
    final ConversationRepository conversations = new ConversationRepository(json);
    final RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500));

    private static WarmerRig shared;

    /** One migrated schema for the whole suite (migrating is the slow part); tests keep apart by time and namespace. */
    static synchronized WarmerRig shared() {
        if (shared == null) {
            shared = new WarmerRig();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    private WarmerRig() {
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 4)).migrate();
        db = new Transactor(database.dataSource());
    }

    CacheWarmer warmer(CacheWarmerSettings settings, RecordedMetrics metrics, Clock clock) {
        return warmer(settings, metrics, clock, redis);
    }

    CacheWarmer warmer(CacheWarmerSettings settings, RecordedMetrics metrics, Clock clock, RedisConnector via) {
        return CacheWarmerFunction.warmer(database.dataSource(), via, settings, metrics, clock);
    }

    /** A warmer that also loads BI reports. */
    CacheWarmer warmerWith(CacheWarmerSettings settings, BiWarming bi, RecordedMetrics metrics, Clock clock) {
        return CacheWarmerFunction.warmer(database.dataSource(), redis, settings, bi, metrics, clock);
    }

    /** The worker's cache, as WorkerFunction builds it. */
    LeadCache workerCache(String namespace) {
        return new LeadCache(redis, new CacheKeys(namespace), json, WORKER_CONVERSATION_TTL, WORKER_PROFILE_TTL);
    }

    ConversationStore workerStore(String namespace, RecordedMetrics metrics) {
        return new ConversationStore(workerCache(namespace), conversations, new ContactRepository(), metrics);
    }

    void contact(LeadRef lead, String firstName, boolean dnd, boolean deleted) throws Exception {
        sql("INSERT INTO locations (location_id, time_zone) VALUES (?, 'America/Chicago') ON CONFLICT DO NOTHING", lead.locationId());
        sql("INSERT INTO contacts (location_id, contact_id, first_name, phone, tags, dnd, deleted_at) "
                + "VALUES (?, ?, ?, '+15125550100', '{seller}', " + dnd + ", " + (deleted ? "now()" : "NULL") + ")",
                lead.locationId(), lead.contactId(), firstName);
    }

    /** Stores a conversation at version 1, as the worker's first decision does. */
    ConversationState conversation(LeadRef lead, String stage, Temperature t, boolean optedOut, Instant lastInbound,
                                   Instant lastReply) {
        ConversationState talked = ConversationState.fresh(BotType.SELLER).withStage(stage)
                .withFacts(Map.of("seller.timeline", "60d")).withTurns(2).withTemperature(t, List.of("timeline"))
                .withInbound(lastInbound).withReply(lastReply);
        ConversationState state = optedOut ? talked.withOptedOut() : talked;
        return db.inTransaction(c -> conversations.save(c, lead, state));
    }

    void appointment(LeadRef lead, String id, String status, Instant startsAt) throws Exception {
        sql("INSERT INTO appointments (location_id, appointment_id, contact_id, status, starts_at) VALUES (?, ?, ?, ?, ?)",
                lead.locationId(), id, lead.contactId(), status, Timestamp.from(startsAt));
    }

    void heldReply(LeadRef lead, Instant notBefore) throws Exception {
        sql("INSERT INTO messages (location_id, contact_id, direction, author, body, status, not_before) "
                + "VALUES (?, ?, 'outbound', 'bot', 'Good morning!', 'pending', ?)",
                lead.locationId(), lead.contactId(), Timestamp.from(notBefore));
    }

    void sql(String sql, Object... args) throws Exception {
        try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    /** A digest of every row the worker owns: equal before and after means nothing was written. */
    String auroraDigest() throws Exception {
        try (Connection c = schema.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("""
                     SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
                       SELECT row(c.*)::text AS t FROM contacts c UNION ALL SELECT row(v.*)::text FROM conversations v
                       UNION ALL SELECT row(m.*)::text FROM messages m UNION ALL SELECT row(a.*)::text FROM appointments a) x""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        redis.close();
        database.close();
        schema.close();
    }
}
