package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.FakeGhlServer.SentMessage;
import com.jorge.platform.perf.faults.DeliveryAudit.Outcome;
import com.jorge.platform.perf.faults.WebhookSender.Origin;
import com.jorge.platform.perf.faults.WebhookSender.Webhook;
import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way an accepted webhook can end, written into the platform's real schema, and what the audit calls it. */
class DeliveryAuditTest {

    private TestPostgres.Schema schema;
    private Connection db;
    private final List<Webhook> accepted = new ArrayList<>();
    private final List<SentMessage> atGhl = new ArrayList<>();

    @BeforeEach
    void schema() throws SQLException {
        schema = TestPostgres.newSchema("faults_audit");
        try (Database database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 3))) {
            database.migrate();
        }
        db = schema.connect();
    }

    @AfterEach
    void drop() throws SQLException {
        db.close();
        schema.close();
    }

    @Test
    void classifiesEveryAcceptedWebhookFromTheDatabaseAndTheFakesRecords() throws SQLException {
        Webhook once = inbound("once", "hi");
        processed(once, "hi");
        reply(once, "Thanks! When?", "sent", "m1");
        sms("m1", once, "Thanks! When?");

        Webhook twice = inbound("twice", "hi");
        processed(twice, "hi");
        reply(twice, "Great", "sent", "m3");
        sms("m2", twice, "Great");
        sms("m3", twice, "Great");

        Webhook optedOut = inbound("opted-out", "STOP");
        processed(optedOut, "STOP");
        audit(optedOut, "not_replied", "{\"reason\":\"lead opted out\"}");

        Webhook conversationOver = inbound("over", "ok thanks");
        processed(conversationOver, "ok thanks");
        audit(conversationOver, "replied", "{\"replies\":0,\"actions\":0}");

        Webhook silentWithoutReason = inbound("silent", "hello?");
        processed(silentWithoutReason, "hello?");

        Webhook stranded = inbound("stranded", "hi");
        processed(stranded, "hi");
        reply(stranded, "Hello", "pending", null);

        Webhook sentButPending = inbound("sent-pending", "hi");
        processed(sentButPending, "hi");
        reply(sentButPending, "Hello there", "pending", null);
        sms("m4", sentButPending, "Hello there");

        Webhook markedSentNeverAtGhl = inbound("phantom", "hi");
        processed(markedSentNeverAtGhl, "hi");
        reply(markedSentNeverAtGhl, "Hello", "sent", "m-unknown");

        Webhook altered = inbound("altered", "caf\u00e9");
        processed(altered, "cafe");
        reply(altered, "Hi", "sent", "m5");
        sms("m5", altered, "Hi");

        Webhook deadLettered = inbound("dead", "hi");
        Webhook neverProcessed = inbound("never", "hi");

        Webhook crmEvent = new Webhook("loc-crm", "wh-crm", "c-crm", "OpportunityCreate", null, "{}", Origin.HOSTILE, 0,
                Instant.now(), 0);
        accepted.add(crmEvent);
        event(crmEvent);

        atGhl.add(new SentMessage("m9", "conv-nobody", "nobody", "unasked", Instant.now()));

        DeliveryAudit.Findings findings = DeliveryAudit.audit(accepted, db, atGhl,
                Map.of(deadLettered.key(), "java.lang.StackOverflowError", stranded.key(), "org.postgresql.util.PSQLException"),
                Instant.now());
        Map<String, Outcome> outcomes = findings.fates().stream()
                .collect(Collectors.toMap(f -> f.webhook().contactId(), DeliveryAudit.Fate::outcome));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("c-once", Outcome.ANSWERED_ONCE),
                Map.entry("c-twice", Outcome.DUPLICATED),
                Map.entry("c-opted-out", Outcome.SILENT_BY_DECISION),
                Map.entry("c-over", Outcome.SILENT_BY_DECISION),
                Map.entry("c-silent", Outcome.LOST),
                Map.entry("c-stranded", Outcome.LOST),
                Map.entry("c-sent-pending", Outcome.LOST),
                Map.entry("c-phantom", Outcome.LOST),
                Map.entry("c-altered", Outcome.LOST),
                Map.entry("c-dead", Outcome.DLQ),
                Map.entry("c-never", Outcome.LOST),
                Map.entry("c-crm", Outcome.SILENT_BY_DECISION)));
        assertThat(findings.unattributedSms()).isEqualTo(1);
        assertThat(findings.reasons()).containsEntry("lost: reply stranded pending in the outbox, event in the DLQ", 1)
                .containsEntry("lost: reply reached GHL but its outbox row stays pending (would be resent)", 1)
                .containsEntry("lost: inbound text stored altered", 1)
                .containsEntry("lost: processed, no reply and no recorded reason", 1)
                .containsEntry("lost: accepted, never processed, not in the DLQ", 1)
                .containsEntry("dlq: InboundMessage dead-lettered undecided: java.lang.StackOverflowError", 1);
        assertThat(findings.fates().stream().filter(f -> f.webhook() == once).findFirst().orElseThrow().replyAt()).isNotNull();
    }

    private Webhook inbound(String name, String text) {
        Webhook w = new Webhook("loc-" + name, "wh-" + name, "c-" + name, "InboundMessage", text, "{}", Origin.LOAD, 0,
                Instant.now(), 0);
        accepted.add(w);
        return w;
    }

    private void sms(String id, Webhook w, String text) {
        atGhl.add(new SentMessage(id, "conv-" + w.contactId(), w.contactId(), text, Instant.now()));
    }

    private void processed(Webhook w, String storedText) throws SQLException {
        event(w);
        message(w, "inbound", "lead", storedText, "received", null);
    }

    private void reply(Webhook w, String text, String status, String ghlMessageId) throws SQLException {
        message(w, "outbound", "bot", text, status, ghlMessageId);
    }

    private void event(Webhook w) throws SQLException {
        execute("INSERT INTO webhook_events (location_id, webhook_id, event_type, contact_id, payload, status, received_at) "
                + "VALUES (?, ?, ?, ?, '{}'::jsonb, 'done', now())", w.locationId(), w.webhookId(), w.eventType(), w.contactId());
    }

    private void message(Webhook w, String direction, String author, String body, String status, String ghlId) throws SQLException {
        execute("INSERT INTO messages (location_id, contact_id, direction, author, body, webhook_id, status, ghl_message_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", w.locationId(), w.contactId(), direction, author, body, w.webhookId(), status, ghlId);
    }

    private void audit(Webhook w, String action, String detail) throws SQLException {
        execute("INSERT INTO audit_log (location_id, contact_id, actor, action, detail) VALUES (?, ?, 'bot', ?, ?::jsonb)",
                w.locationId(), w.contactId(), action, detail);
    }

    private void execute(String sql, String... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setString(i + 1, values[i]);
            ps.executeUpdate();
        }
    }
}
