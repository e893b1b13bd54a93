package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parser's limits are the database's own: what it accepts at the edge the worker's repositories store
 * exactly, on the real PostgreSQL, and what lies just past each limit PostgreSQL (or java.sql.Timestamp) refuses.
 */
class StorageLimitsDatabaseTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    private static TestPostgres.Schema schema;
    private static Database database;
    private final GhlEventParser parser = new GhlEventParser(PlatformJson.mapper());

    @BeforeAll
    static void migrate() {
        schema = TestPostgres.migratedSchema("storage_limits");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 2)).migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
        schema.close();
    }

    @Test
    void whatTheParserAcceptsAtEachLimitIsStoredExactly() throws Exception {
        String text = "Casa \uD83C\uDFE0 ¿cuánto? \uFFFF\uFFFD\t\u0001 中文 " + new String(Character.toChars(0x10FFFF));
        ObjectNode inbound = GhlEventSamples.all(T).get(0).put("body", text).put("x", 0);
        String inboundBody = inbound.toString().replace("\"x\":0", "\"x\":[1e-16383,1e131071,-0.0]");
        var message = (GhlEvent.InboundMessage) known(inboundBody);

        String opportunityBody = GhlWebhooks.envelope("OpportunityMonetaryValueUpdate", "loc1", T).put("id", "o1")
                .put("contactId", "c1").put("monetaryValue", 0).toString().replace("\"monetaryValue\":0",
                        "\"monetaryValue\":999999999999.994999");
        var deal = (GhlEvent.OpportunityChanged) known(opportunityBody);

        ObjectNode appt = GhlWebhooks.envelope("AppointmentCreate", "loc1", T);
        appt.putObject("appointment").put("id", "a1").put("contactId", "c1").put("title", text)
                .put("startTime", StorageLimits.EARLIEST.toString()).put("endTime", StorageLimits.LATEST.toString());
        var appointment = (GhlEvent.AppointmentCreated) known(appt.toString());

        try (Connection c = database.dataSource().getConnection()) {
            LeadRef lead = new LeadRef("loc1", "c1");
            new MessageRepository().recordInbound(c, lead, message.body(), message.messageType(), message.messageId(),
                    message.meta().webhookId());
            new WebhookEventRepository().claim(c, "loc1", message.meta().webhookId(), message.meta().type(), "c1",
                    inboundBody, message.meta().timestamp(), WebhookEventRepository.Status.DECIDED);
            new OpportunityRepository().upsert(c, deal);
            new OpportunityRepository().upsertAppointment(c, appointment);

            assertThat(one(c, "SELECT body FROM messages WHERE webhook_id = ?", message.meta().webhookId())).isEqualTo(text);
            assertThat(one(c, "SELECT payload->>'body' FROM webhook_events WHERE webhook_id = ?", message.meta().webhookId()))
                    .isEqualTo(text);
            assertThat(one(c, "SELECT monetary_value::text FROM opportunities WHERE opportunity_id = ?", "o1"))
                    .isEqualTo("999999999999.99");
            try (PreparedStatement ps = c.prepareStatement("SELECT starts_at, ends_at, title FROM appointments WHERE appointment_id = 'a1'");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(StorageLimits.EARLIEST);
                assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(StorageLimits.LATEST);
                assertThat(rs.getString(3)).isEqualTo(text);
            }
        }
    }

    @Test
    void justPastEachLimitTheDatabaseRefuses() throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            assertRefused(c, "SELECT ?::numeric(14,2)", StorageLimits.MONEY_LIMIT.toPlainString());
            assertRefused(c, "SELECT ?::text", "a\u0000b");
            assertRefused(c, "SELECT ?::jsonb", "{\"a\":\"\\u0000\"}");
            assertRefused(c, "SELECT ?::jsonb", "{\"a\":\"\\ud800\"}");
            assertRefused(c, "SELECT ?::jsonb", "{\"a\":\"\\udfe0\\ud83c\"}");
            assertRefused(c, "SELECT ?::jsonb", "{\"a\":1.00e-16382}");
            assertRefused(c, "SELECT ?::jsonb", "{\"a\":1e131072}");
            assertRefused(c, "SELECT ?::jsonb", "{\"a\":1} {}");
        }
        assertThatThrownBy(() -> Timestamp.from(Instant.parse("-999999999-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        // before 1583 Timestamp's Julian calendar moves the stored day
        Instant old = Instant.parse("1500-06-01T00:00:00Z");
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ?::timestamptz::text")) {
            ps.setTimestamp(1, Timestamp.from(old));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).doesNotStartWith("1500-06-01");
            }
        }
        assertThat(new BigDecimal("999999999999.99")).isLessThan(StorageLimits.MONEY_LIMIT);
    }

    private GhlEvent known(String body) {
        return ((ParsedWebhook.Known) parser.parse(body)).event();
    }

    private static String one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void assertRefused(Connection c, String sql, String value) {
        assertThatThrownBy(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.executeQuery().close();
            }
        }).as(value).isInstanceOf(SQLException.class);
    }
}
