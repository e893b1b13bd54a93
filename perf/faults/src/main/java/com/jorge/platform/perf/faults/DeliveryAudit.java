package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.perf.faults.WebhookSender.Webhook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, after a scenario, what became of every webhook the platform accepted (answered 200), from the
 * fake GHL API's records and the platform's database:
 * <ul>
 *   <li>answered once: its replies are stored as sent, each with a GHL message id the fake handed out,
 *       and GHL took no more SMS of that text for that lead than the outbox holds;</li>
 *   <li>duplicated: as answered, but GHL took the same reply more often than the outbox holds;</li>
 *   <li>silent by decision: processed without a reply, and the bot recorded the decision (audit_log
 *       not_replied or opted_out, or a bot turn with no reply, for that lead), or an event that never
 *       gets a reply (CRM changes);</li>
 *   <li>dlq: never processed, and in the dead-letter queue (with the reason of its last failure);</li>
 *   <li>lost: anything else: never processed and not dead-lettered, a reply still pending or stored as
 *       sent but never at GHL, no recorded reason for silence, its message row missing, stored twice or
 *       with other text than was sent.</li>
 * </ul>
 */
final class DeliveryAudit {

    enum Outcome { ANSWERED_ONCE, DUPLICATED, SILENT_BY_DECISION, DLQ, LOST }

    /** What became of one accepted webhook; {@code replyAt} is when GHL took its first reply, if any. */
    record Fate(Webhook webhook, Outcome outcome, String why, Instant replyAt) {}

    /** The fates, plus SMS GHL took that no accepted webhook accounts for. */
    record Findings(List<Fate> fates, int unattributedSms, Map<String, Integer> reasons) {
        long count(Outcome o) {
            return fates.stream().filter(f -> f.outcome() == o).count();
        }
    }

    private record Row(String webhookKey, String contactId, String direction, String author, String body, String status,
                       String ghlMessageId, Timestamp notBefore) {}

    private DeliveryAudit() {}

    static Findings audit(List<Webhook> accepted, Connection db, List<FakeGhlServer.SentMessage> sms,
                          Map<String, String> deadLetters, Instant now) throws SQLException {
        Map<String, String> events = new HashMap<>();
        query(db, "SELECT location_id, webhook_id, status FROM webhook_events",
                rs -> events.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3)));
        Map<String, List<Row>> rows = new HashMap<>();
        query(db, "SELECT location_id, webhook_id, contact_id, direction, author, body, status, ghl_message_id, not_before "
                + "FROM messages WHERE webhook_id IS NOT NULL", rs -> {
            String key = rs.getString(1) + "|" + rs.getString(2);
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new Row(key, rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9)));
        });
        Map<String, Integer> silenceBudget = new HashMap<>();
        // the worker records each decision not to answer: not_replied (opted out, DND, paused, no text), opted_out,
        // or a bot turn with no reply (the conversation is over or handed off)
        query(db, "SELECT location_id, contact_id, count(*) FROM audit_log WHERE action IN ('not_replied', 'opted_out') "
                + "OR (action = 'replied' AND detail->>'replies' = '0') GROUP BY location_id, contact_id",
                rs -> silenceBudget.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3)));

        Map<String, FakeGhlServer.SentMessage> smsById = new HashMap<>();
        Map<String, Integer> excess = new HashMap<>(); // contact|text -> SMS at GHL beyond the rows stored as sent
        for (FakeGhlServer.SentMessage m : sms) {
            smsById.put(m.id(), m);
            excess.merge(m.contactId() + "|" + m.body(), 1, Integer::sum);
        }
        for (List<Row> list : rows.values()) {
            for (Row r : list) {
                if (r.author().equals("bot") && r.status().equals("sent")) excess.merge(r.contactId() + "|" + r.body(), -1, Integer::sum);
            }
        }

        Map<String, Integer> reasons = new TreeMap<>();
        List<Fate> fates = new ArrayList<>();
        for (Webhook w : accepted) {
            Fate fate = fate(w, events.get(w.key()), rows.getOrDefault(w.key(), List.of()), deadLetters.get(w.key()),
                    silenceBudget, smsById, excess, now);
            fates.add(fate);
            if (fate.outcome() == Outcome.LOST || fate.outcome() == Outcome.DUPLICATED || fate.outcome() == Outcome.DLQ) {
                reasons.merge(fate.outcome().name().toLowerCase() + ": " + fate.why(), 1, Integer::sum);
            }
        }
        int unattributed = excess.values().stream().mapToInt(v -> Math.max(0, v)).sum();
        if (unattributed > 0) reasons.put("duplicated: SMS at GHL no accepted webhook accounts for", unattributed);
        return new Findings(fates, unattributed, reasons);
    }

    /** {@code deadLetter}: the reason it died, null when it is not in the DLQ. */
    private static Fate fate(Webhook w, String eventStatus, List<Row> rows, String deadLetter,
                             Map<String, Integer> silenceBudget, Map<String, FakeGhlServer.SentMessage> smsById,
                             Map<String, Integer> excess, Instant now) {
        if (eventStatus == null) {
            return deadLetter != null ? new Fate(w, Outcome.DLQ, w.eventType() + " dead-lettered undecided: " + deadLetter, null)
                    : new Fate(w, Outcome.LOST, "accepted, never processed, not in the DLQ", null);
        }
        if (!w.eventType().equals("InboundMessage")) {
            return new Fate(w, Outcome.SILENT_BY_DECISION, "CRM event, no reply by design", null);
        }
        List<Row> inbound = rows.stream().filter(r -> r.direction().equals("inbound")).toList();
        if (inbound.isEmpty()) return new Fate(w, Outcome.LOST, "processed, inbound message row missing", null);
        if (inbound.size() > 1) return new Fate(w, Outcome.LOST, "inbound message stored " + inbound.size() + " times", null);
        if (!inbound.getFirst().body().equals(w.text())) return new Fate(w, Outcome.LOST, "inbound text stored altered", null);

        List<Row> replies = rows.stream().filter(r -> r.author().equals("bot")).toList();
        if (replies.isEmpty()) {
            String lead = w.locationId() + "|" + w.contactId();
            int left = silenceBudget.getOrDefault(lead, 0);
            if (left > 0) {
                silenceBudget.put(lead, left - 1);
                return new Fate(w, Outcome.SILENT_BY_DECISION, "not replied, reason recorded", null);
            }
            return new Fate(w, Outcome.LOST, "processed, no reply and no recorded reason", null);
        }
        Instant replyAt = null;
        boolean duplicated = false;
        int held = 0;
        for (Row r : replies) {
            if (r.status().equals("pending")) {
                if (r.notBefore() != null && r.notBefore().toInstant().isAfter(now)) {
                    held++; // the lead's quiet hours: a decision to answer later
                    continue;
                }
                String text = r.contactId() + "|" + r.body();
                int atGhl = Math.max(0, excess.getOrDefault(text, 0));
                excess.put(text, excess.getOrDefault(text, 0) - atGhl);
                String where = deadLetter != null ? ", event in the DLQ" : "";
                if (atGhl > 1) {
                    return new Fate(w, Outcome.DUPLICATED, "GHL took the reply " + atGhl + " times, its outbox row still pending" + where, null);
                }
                return new Fate(w, Outcome.LOST, (atGhl == 1 ? "reply reached GHL but its outbox row stays pending (would be resent)"
                        : "reply stranded pending in the outbox") + where, null);
            }
            FakeGhlServer.SentMessage sent = smsById.get(r.ghlMessageId());
            if (sent == null) return new Fate(w, Outcome.LOST, "reply marked sent, GHL never took it", null);
            if (replyAt == null || sent.at().isBefore(replyAt)) replyAt = sent.at();
            String text = r.contactId() + "|" + r.body();
            if (excess.getOrDefault(text, 0) > 0) {
                excess.merge(text, -1, Integer::sum);
                duplicated = true;
            }
        }
        if (held == replies.size()) return new Fate(w, Outcome.SILENT_BY_DECISION, "reply held by quiet hours", null);
        return duplicated ? new Fate(w, Outcome.DUPLICATED, "GHL took the reply more than once", replyAt)
                : new Fate(w, Outcome.ANSWERED_ONCE, "", replyAt);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection db, String sql, RowReader reader) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) reader.read(rs);
        }
    }
}
