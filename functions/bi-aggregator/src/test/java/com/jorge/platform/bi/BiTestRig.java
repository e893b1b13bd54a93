package com.jorge.platform.bi;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.EventMeta;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestPostgres;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A schema migrated by Flyway (one per test class, emptied before each test), the aggregator on a hand-moved clock, and a seeder that records
 * leads' facts through the platform's own repositories. The repositories stamp rows with the database's
 * now(); the seeder then dates each row at the simulated moment it happened.
 */
final class BiTestRig {

    /** The migrated schema a test class shares; {@link #empty()} gives each test empty tables. */
    record Store(TestPostgres.Schema schema, Database database) implements AutoCloseable {
        static Store create() {
            TestPostgres.Schema schema = TestPostgres.migratedSchema("bi");
            return new Store(schema, Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(),
                    schema.password(), 4)).migrate());
        }

        Store empty() {
            new Transactor(database.dataSource()).inTransaction(c -> {
                // DELETE, not TRUNCATE: a test's few rows go faster than new files for ~150 partitions
                try (Statement st = c.createStatement()) {
                    for (String table : List.of("locations", "contacts", "conversations", "messages", "lead_scores",
                            "opportunities", "appointments", "webhook_events", "crm_actions", "audit_log",
                            "bi_lead_milestones", "bi_deal_outcomes", "bi_daily_funnel", "bi_daily_activity",
                            "bi_daily_agent", "bi_daily_revenue", "bi_daily_pipeline", "bi_dirty_days", "bi_watermarks",
                            "bi_deal_touches", "bi_opportunity_stages", "bi_pipeline_hourly")) {
                        // audit_log is append-only (V60): only with its triggers off, as the superuser tests run as
                        if (table.equals("audit_log")) st.execute("SET LOCAL session_replication_role = replica");
                        st.execute("DELETE FROM " + table);
                        if (table.equals("audit_log")) st.execute("SET LOCAL session_replication_role = origin");
                    }
                }
                return null;
            });
            return this;
        }

        @Override
        public void close() {
            database.close();
            schema.close();
        }
    }

    final TestPostgres.Schema schema;
    final Database database;
    final Transactor db;
    final MutableClock clock;
    final RecordedMetrics metrics = new RecordedMetrics();
    final BiAggregator aggregator;
    final BiReportReader reports;

    private final ContactRepository contacts = new ContactRepository();
    private final ConversationRepository conversations = new ConversationRepository(PlatformJson.mapper());
    private final MessageRepository messages = new MessageRepository();
    private final CrmActionOutbox outbox = new CrmActionOutbox(PlatformJson.mapper());
    private final OpportunityRepository opportunities = new OpportunityRepository();

    BiTestRig(Store store, Instant now, Map<String, String> env) {
        this.clock = new MutableClock(now);
        this.schema = store.schema();
        this.database = store.empty().database();
        this.db = new Transactor(database.dataSource());
        BiSettings settings = BiSettings.fromConfig(PlatformConfig.of(env));
        this.aggregator = new BiAggregator(database.dataSource(), settings, metrics, clock);
        this.reports = new BiReportReader(database.dataSource(), settings, clock);
    }

    // ---- seeding through the platform's repositories -------------------------------------------------

    void location(String locationId, String zone) {
        sql("INSERT INTO locations (location_id, time_zone) VALUES (?, ?) ON CONFLICT (location_id) DO UPDATE SET time_zone = EXCLUDED.time_zone",
                locationId, zone);
    }

    /** A contact GHL knows and the bot never talked to (a lead the team works by hand). */
    LeadRef contact(String locationId, String contactId) {
        LeadRef lead = new LeadRef(locationId, contactId);
        db.inTransaction(c -> {
            contacts.ensureExists(c, lead);
            return null;
        });
        return lead;
    }

    /** A lead the given bot talks to; the conversation row is dated {@code at}. */
    LeadRef lead(String locationId, String contactId, BotType bot, Instant at) {
        LeadRef lead = new LeadRef(locationId, contactId);
        db.inTransaction(c -> {
            contacts.ensureExists(c, lead);
            conversations.save(c, lead, ConversationState.fresh(bot));
            return null;
        });
        sql("UPDATE conversations SET updated_at = ? WHERE location_id = ? AND contact_id = ?", ts(at), locationId, contactId);
        return lead;
    }

    /** GHL's ContactCreate webhook as the worker stores it (the raw payload), received at {@code at}. */
    void contactCreated(LeadRef lead, String source, String campaign, Instant at) {
        String payload = PlatformJson.mapper().createObjectNode().put("type", "ContactCreate")
                .put("locationId", lead.locationId()).put("id", lead.contactId()).put("source", source)
                .set("attributionSource", PlatformJson.mapper().createObjectNode().put("campaign", campaign)).toString();
        sql("""
                INSERT INTO webhook_events (location_id, webhook_id, event_type, contact_id, payload, status, received_at)
                VALUES (?, ?, 'ContactCreate', ?, ?::jsonb, 'done', ?)""",
                lead.locationId(), "wh-cc-" + UUID.randomUUID(), lead.contactId(), payload, ts(at));
    }

    void switchBot(LeadRef lead, BotType bot, Instant at) {
        sql("UPDATE conversations SET bot_type = ?, updated_at = ? WHERE location_id = ? AND contact_id = ?",
                bot.name(), ts(at), lead.locationId(), lead.contactId());
    }

    /** The lead's text; returns its webhook id, which the bot's replies to it carry. */
    String inbound(LeadRef lead, String channel, Instant at) {
        String webhookId = "wh-" + UUID.randomUUID();
        db.inTransaction(c -> {
            messages.recordInbound(c, lead, "hello", channel, "ghl-" + webhookId, webhookId);
            return null;
        });
        sql("UPDATE messages SET created_at = ? WHERE location_id = ? AND webhook_id = ? AND direction = 'inbound'",
                ts(at), lead.locationId(), webhookId);
        return webhookId;
    }

    /** The bot's reply to {@code webhookId}, decided at {@code decidedAt} and accepted by GHL at {@code sentAt}. */
    void botReply(LeadRef lead, String webhookId, Instant decidedAt, Instant sentAt, Instant heldUntil) {
        long id = db.inTransaction(c -> {
            long stored = messages.addPendingReply(c, lead, "reply", webhookId, heldUntil);
            if (sentAt != null) messages.markSent(c, lead.locationId(), stored, "ghl-out-" + stored);
            return stored;
        });
        sql("UPDATE messages SET created_at = ?, sent_at = ? WHERE location_id = ? AND id = ?",
                ts(decidedAt), sentAt == null ? null : ts(sentAt), lead.locationId(), id);
    }

    void humanMessage(LeadRef lead, Instant at) {
        String ghlId = "human-" + UUID.randomUUID();
        db.inTransaction(c -> {
            messages.recordHumanOutbound(c, lead, "agent here", "SMS", ghlId, "wh-" + ghlId);
            return null;
        });
        sql("UPDATE messages SET created_at = ?, sent_at = ? WHERE location_id = ? AND ghl_message_id = ?",
                ts(at), ts(at), lead.locationId(), ghlId);
    }

    /** An entry written at {@code at}: the append-only log takes the time given, as a backfill would. */
    void audit(LeadRef lead, AuditLog.Actor actor, String action, Map<String, ?> detail, Instant at) {
        sql("INSERT INTO audit_log (location_id, contact_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                lead.locationId(), lead.contactId(), actor.name().toLowerCase(), action,
                PlatformJson.mapper().valueToTree(detail).toString(), ts(at));
    }

    /** A bot turn as the worker audits it: the stage and temperature it left the lead in. */
    void botTurn(LeadRef lead, String stage, String temperature, Instant at) {
        audit(lead, AuditLog.Actor.BOT, "replied", Map.of("stage", stage, "temperature", temperature,
                "replies", 1, "actions", 0, "deferredUntil", ""), at);
    }

    void handOff(LeadRef lead, Instant at) {
        long id = db.inTransaction(c -> outbox.add(c, lead, "wh-h-" + UUID.randomUUID(), new CrmAction.HandOff("hot")).id());
        sql("UPDATE crm_actions SET created_at = ? WHERE location_id = ? AND id = ?", ts(at), lead.locationId(), id);
    }

    void opportunity(LeadRef lead, String opportunityId, String stageId, String status, String value, String agent,
                     Instant at) {
        db.inTransaction(c -> {
            opportunities.upsert(c, new GhlEvent.OpportunityChanged(new EventMeta("OpportunityStatusUpdate",
                    lead.locationId(), "wh-" + UUID.randomUUID(), at), GhlEvent.OpportunityChange.STATUS, opportunityId,
                    lead.contactId(), "pipe-1", stageId, status, value == null ? null : new BigDecimal(value),
                    "deal", agent));
            return null;
        });
        sql("UPDATE opportunities SET updated_at = ? WHERE location_id = ? AND opportunity_id = ?",
                ts(at), lead.locationId(), opportunityId);
    }

    void appointment(LeadRef lead, String appointmentId, Instant at) {
        db.inTransaction(c -> {
            opportunities.upsertAppointment(c, new GhlEvent.AppointmentCreated(new EventMeta("AppointmentCreate",
                    lead.locationId(), "wh-" + UUID.randomUUID(), at), appointmentId, lead.contactId(), "cal-1",
                    "confirmed", "Showing", at.plusSeconds(86_400), at.plusSeconds(90_000)));
            return null;
        });
        sql("UPDATE appointments SET created_at = ? WHERE location_id = ? AND appointment_id = ?",
                ts(at), lead.locationId(), appointmentId);
    }

    // ---- reading rollups ------------------------------------------------------------------------------

    /** Every row of a rollup table for a location, keyed by its columns after location_id, as text. */
    List<Map<String, String>> rows(String table, String locationId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table
                    + " WHERE location_id = ? ORDER BY 2, 3" + (table.equals("bi_daily_activity") ? "" : ", 4"))) {
                ps.setString(1, locationId);
                return read(ps);
            }
        });
    }

    Map<String, String> activity(String locationId, LocalDate day) {
        return rows("bi_daily_activity", locationId).stream().filter(r -> r.get("day").equals(day.toString()))
                .findFirst().orElse(null);
    }

    /** The funnel row of one (day, bot, channel), or null. */
    Map<String, String> funnel(String locationId, LocalDate day, String bot, String channel) {
        return rows("bi_daily_funnel", locationId).stream().filter(r -> r.get("day").equals(day.toString())
                && r.get("bot_type").equals(bot) && r.get("channel").equals(channel)).findFirst().orElse(null);
    }

    List<Map<String, String>> query(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return read(ps);
            }
        });
    }

    void sql(String sql, Object... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.executeUpdate();
            }
            return null;
        });
    }

    Connection connect() throws SQLException {
        return schema.connect();
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static List<Map<String, String>> read(PreparedStatement ps) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnName(i), text(rs, md, i));
                out.add(row);
            }
        }
        return out;
    }

    /** Arrays as {a,b}: the driver quotes elements differently once it switches to binary transfer. */
    private static String text(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        if (md.getColumnType(i) != java.sql.Types.ARRAY) return rs.getString(i);
        java.sql.Array array = rs.getArray(i);
        if (array == null) return null;
        return "{" + String.join(",", java.util.Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList()) + "}";
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }
}
