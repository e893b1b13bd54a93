package com.jorge.platform.bi.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * bi_deal_touches: for every won deal of the given leads, each attribution model's credit to each touch
 * before the decision, recomputed from the source tables. Runs in the change capture's transaction for
 * the leads that changed; rows of a deal are rewritten only when they differ (a re-run writes nothing),
 * and a deal no longer won loses its rows.
 */
public final class DealAttribution {

    /** Bot replies further apart than this start a new bot conversation (a new touch). */
    public static final Duration CONVERSATION_GAP = Duration.ofHours(24);

    private static final String TOUCHES = """
            SELECT contact_id, 'source', COALESCE(NULLIF(payload->>'source', ''), 'unknown'),
                   NULLIF(payload->'attributionSource'->>'campaign', ''), received_at
            FROM (SELECT DISTINCT ON (contact_id) contact_id, payload, received_at FROM webhook_events
                  WHERE location_id = ? AND contact_id = ANY(?) AND event_type = 'ContactCreate'
                  ORDER BY contact_id, received_at) created
            UNION ALL
            SELECT contact_id, 'channel', lower(COALESCE(channel, 'unknown')), NULL, min(created_at) FROM messages
            WHERE location_id = ? AND contact_id = ANY(?) AND direction = 'inbound' GROUP BY contact_id, 3
            UNION ALL
            SELECT b.contact_id, 'bot', COALESCE(lower(v.bot_type), 'bot'), NULL, b.sent_at
            FROM (SELECT contact_id, sent_at, lag(sent_at) OVER (PARTITION BY contact_id ORDER BY sent_at) AS previous
                  FROM messages WHERE location_id = ? AND contact_id = ANY(?) AND author = 'bot' AND status = 'sent') b
            LEFT JOIN conversations v ON v.location_id = ? AND v.contact_id = b.contact_id AND v.contact_id = ANY(?)
            WHERE b.previous IS NULL OR b.sent_at - b.previous > ?::interval
            UNION ALL
            SELECT contact_id, 'agent', detail->>'agentId', NULL, at FROM audit_log
            WHERE location_id = ? AND contact_id = ANY(?) AND action = 'handoff_accepted' AND detail->>'agentId' IS NOT NULL
            UNION ALL
            SELECT contact_id, 'appointment', COALESCE(calendar_id, 'none'), NULL, created_at FROM appointments
            WHERE location_id = ? AND contact_id = ANY(?)""";

    private final Duration halfLife;

    public DealAttribution(Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("half-life must be positive");
        this.halfLife = halfLife;
    }

    /** One stored credit row. */
    record Row(String opportunityId, AttributionModel model, int touchIndex, String contactId, Touch touch,
               Instant decidedAt, long creditCents) {}

    record WonDeal(String opportunityId, String contactId, long valueCents, Instant decidedAt) {}

    /** Recomputes the credits of the won deals of {@code leads}; returns how many deals' rows changed. */
    public int refresh(Connection c, String locationId, Array leads) throws SQLException {
        Map<String, List<Touch>> touches = touches(c, locationId, leads);
        Map<String, List<Row>> wanted = new TreeMap<>();
        for (WonDeal deal : wonDeals(c, locationId, leads)) {
            wanted.put(deal.opportunityId(), rows(deal, touches.getOrDefault(deal.contactId(), List.of())));
        }
        Map<String, List<Row>> stored = stored(c, locationId, leads);
        int changed = 0;
        for (String gone : stored.keySet()) {
            if (!wanted.containsKey(gone)) {
                delete(c, locationId, gone);
                changed++;
            }
        }
        for (Map.Entry<String, List<Row>> deal : wanted.entrySet()) {
            if (deal.getValue().equals(stored.get(deal.getKey()))) continue;
            delete(c, locationId, deal.getKey());
            insert(c, locationId, deal.getValue());
            changed++;
        }
        return changed;
    }

    /** The deal's journey (touches up to the decision; the source first) and every model's credits. */
    List<Row> rows(WonDeal deal, List<Touch> leadTouches) {
        List<Touch> journey = journey(leadTouches, deal.decidedAt());
        List<Row> rows = new ArrayList<>();
        for (AttributionModel model : AttributionModel.values()) {
            long[] credit = model.credit(deal.valueCents(), journey, deal.decidedAt(), halfLife);
            for (int i = 0; i < journey.size(); i++) {
                rows.add(new Row(deal.opportunityId(), model, i, deal.contactId(), journey.get(i), deal.decidedAt(), credit[i]));
            }
        }
        return rows;
    }

    /**
     * The touches before the decision in journey order. Every lead has a source touch: GHL's ContactCreate
     * source, else 'unknown' at the lead's first touch (or at the decision for a lead with none).
     */
    static List<Touch> journey(List<Touch> leadTouches, Instant decidedAt) {
        List<Touch> journey = new ArrayList<>(leadTouches.stream().filter(t -> !t.at().isAfter(decidedAt)).toList());
        journey.sort(Touch.JOURNEY);
        if (journey.stream().noneMatch(t -> t.kind() == Touch.Kind.SOURCE)) {
            journey.addFirst(new Touch(Touch.Kind.SOURCE, "unknown", null,
                    journey.isEmpty() ? decidedAt : journey.getFirst().at()));
        }
        return journey;
    }

    private Map<String, List<Touch>> touches(Connection c, String locationId, Array leads) throws SQLException {
        Map<String, List<Touch>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TOUCHES)) {
            int i = 1;
            for (int part = 0; part < 5; part++) {
                ps.setString(i++, locationId);
                ps.setArray(i++, leads);
                if (part == 2) { // the bot part also joins the leads' conversations and bounds the gap
                    ps.setString(i++, locationId);
                    ps.setArray(i++, leads);
                    ps.setString(i++, CONVERSATION_GAP.toSeconds() + " seconds");
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Touch(Touch.Kind.of(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    private static List<WonDeal> wonDeals(Connection c, String locationId, Array leads) throws SQLException {
        List<WonDeal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT opportunity_id, contact_id, monetary_value, decided_at FROM bi_deal_outcomes
                WHERE location_id = ? AND contact_id = ANY(?) AND status = 'won'""")) {
            ps.setString(1, locationId);
            ps.setArray(2, leads);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WonDeal(rs.getString(1), rs.getString(2), cents(rs.getBigDecimal(3)),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Row>> stored(Connection c, String locationId, Array leads) throws SQLException {
        Map<String, List<Row>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT opportunity_id, model, touch_index, contact_id, touch_kind, touch_key, campaign, touched_at,
                       decided_at, credit_cents
                FROM bi_deal_touches WHERE location_id = ? AND contact_id = ANY(?)
                ORDER BY opportunity_id, model, touch_index""")) {
            ps.setString(1, locationId);
            ps.setArray(2, leads);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Touch touch = new Touch(Touch.Kind.of(rs.getString(5)), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant());
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Row(rs.getString(1),
                            AttributionModel.of(rs.getString(2)), rs.getInt(3), rs.getString(4), touch,
                            rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getLong(10)));
                }
            }
        }
        // the same order rows(...) builds: model by model, touch by touch
        out.values().forEach(rows -> rows.sort(Comparator.comparing(Row::model).thenComparingInt(Row::touchIndex)));
        return out;
    }

    private static void delete(Connection c, String locationId, String opportunityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM bi_deal_touches WHERE location_id = ? AND opportunity_id = ?")) {
            ps.setString(1, locationId);
            ps.setString(2, opportunityId);
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, String locationId, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_deal_touches (location_id, opportunity_id, model, touch_index, contact_id, touch_kind,
                    touch_key, campaign, touched_at, decided_at, credit_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Row r : rows) {
                ps.setString(1, locationId);
                ps.setString(2, r.opportunityId());
                ps.setString(3, r.model().sqlName());
                ps.setInt(4, r.touchIndex());
                ps.setString(5, r.contactId());
                ps.setString(6, r.touch().kind().sqlName());
                ps.setString(7, r.touch().key());
                ps.setString(8, r.touch().campaign());
                ps.setObject(9, r.touch().at().atOffset(ZoneOffset.UTC));
                ps.setObject(10, r.decidedAt().atOffset(ZoneOffset.UTC));
                ps.setLong(11, r.creditCents());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static long cents(BigDecimal money) {
        return money.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
