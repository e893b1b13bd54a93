package com.jorge.platform.cachewarmer;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The warmer's reads from Aurora: who may write soon, and whether a lead changed while it was being warmed. */
public final class WarmCandidateRepository {

    /** The signal windows, as instants for one run. */
    public record Windows(Instant activeSince, Instant awaitingReplySince, Instant now, Instant appointmentsUntil,
                          Instant heldRepliesSince, Instant heldRepliesUntil) {
        public static Windows of(CacheWarmerSettings s, Instant now) {
            return new Windows(now.minus(s.activeWindow()), now.minus(s.awaitingReplyWindow()), now,
                    now.plus(s.appointmentWindow()), now.minus(s.lookahead()), now.plus(s.lookahead()));
        }
    }

    // GHL appointment statuses that mean nobody is coming
    private static final String LIVE_APPOINTMENT =
            "COALESCE(lower(status), '') NOT IN ('cancelled', 'canceled', 'invalid', 'noshow', 'no_show')";

    /** How far back a nurture schedule may have started and still have a step to come (its waits add up to 11 days by default). */
    static final java.time.Duration FOLLOW_UP_HORIZON = java.time.Duration.ofDays(30);

    /**
     * Leads with any signal inside the windows, never opted-out, DND or deleted ones. Leads with an
     * appointment, a held reply or a follow-up step due come first, then the most recently active, up to
     * {@code limit}. A follow-up step is due at the lead's latest {@code ScheduleFollowUps} action's start
     * plus its waits in sequence (lead-nurture waits them one after the other), unless the lead wrote
     * after the schedule began (the workflow then stops).
     */
    public List<WarmCandidate> candidates(Connection c, Windows w, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH appts AS (
                    SELECT location_id, contact_id, min(starts_at) AS next_at FROM appointments
                    WHERE starts_at >= ? AND starts_at < ? AND %s
                    GROUP BY location_id, contact_id),
                held AS (
                    SELECT location_id, contact_id, min(not_before) AS next_at FROM messages
                    WHERE status = 'pending' AND not_before IS NOT NULL AND not_before >= ? AND not_before < ?
                    GROUP BY location_id, contact_id),
                schedules AS (
                    SELECT DISTINCT ON (location_id, contact_id) location_id, contact_id,
                           (action->>'quietSince')::timestamptz AS since, action->'waitSeconds' AS waits
                    FROM crm_actions
                    WHERE action_type = 'ScheduleFollowUps' AND created_at >= ?
                    ORDER BY location_id, contact_id, id DESC),
                follow_ups AS (
                    SELECT s.location_id, s.contact_id, min(s.since + make_interval(secs => st.waited)) AS next_at
                    FROM schedules s
                    CROSS JOIN LATERAL (
                        SELECT sum(e.wait::bigint) OVER (ORDER BY e.n) AS waited
                        FROM jsonb_array_elements_text(s.waits) WITH ORDINALITY AS e(wait, n)) st
                    LEFT JOIN conversations cv ON cv.location_id = s.location_id AND cv.contact_id = s.contact_id
                    WHERE s.since + make_interval(secs => st.waited) BETWEEN ? AND ?
                      AND (cv.last_inbound_at IS NULL OR cv.last_inbound_at <= s.since)
                    GROUP BY s.location_id, s.contact_id),
                pool AS (
                    SELECT location_id, contact_id FROM conversations
                    WHERE NOT opted_out AND (last_inbound_at BETWEEN ? AND ? OR last_reply_at BETWEEN ? AND ?)
                    UNION SELECT location_id, contact_id FROM appts
                    UNION SELECT location_id, contact_id FROM held
                    UNION SELECT location_id, contact_id FROM follow_ups)
                SELECT p.location_id, p.contact_id, cv.stage, cv.temperature, cv.last_inbound_at, cv.last_reply_at,
                       a.next_at, h.next_at, f.next_at
                FROM pool p
                LEFT JOIN contacts k ON k.location_id = p.location_id AND k.contact_id = p.contact_id
                LEFT JOIN conversations cv ON cv.location_id = p.location_id AND cv.contact_id = p.contact_id
                LEFT JOIN appts a ON a.location_id = p.location_id AND a.contact_id = p.contact_id
                LEFT JOIN held h ON h.location_id = p.location_id AND h.contact_id = p.contact_id
                LEFT JOIN follow_ups f ON f.location_id = p.location_id AND f.contact_id = p.contact_id
                WHERE k.deleted_at IS NULL AND NOT COALESCE(k.dnd, false) AND NOT COALESCE(cv.opted_out, false)
                ORDER BY (a.next_at IS NOT NULL OR h.next_at IS NOT NULL OR f.next_at IS NOT NULL) DESC,
                         GREATEST(cv.last_inbound_at, cv.last_reply_at) DESC NULLS LAST, p.location_id, p.contact_id
                LIMIT ?""".formatted(LIVE_APPOINTMENT))) {
            int i = 0;
            ps.setTimestamp(++i, Timestamp.from(w.now()));
            ps.setTimestamp(++i, Timestamp.from(w.appointmentsUntil()));
            // a reply overdue by more than the look-ahead is stuck, not about to go out
            ps.setTimestamp(++i, Timestamp.from(w.heldRepliesSince()));
            ps.setTimestamp(++i, Timestamp.from(w.heldRepliesUntil()));
            ps.setTimestamp(++i, Timestamp.from(w.now().minus(FOLLOW_UP_HORIZON)));
            // a step that fired already has been read by the worker; the next one counts
            ps.setTimestamp(++i, Timestamp.from(w.now()));
            ps.setTimestamp(++i, Timestamp.from(w.heldRepliesUntil()));
            // activity later than the look-ahead is no clock skew but a wrong row: leave it out
            ps.setTimestamp(++i, Timestamp.from(w.activeSince()));
            ps.setTimestamp(++i, Timestamp.from(w.heldRepliesUntil()));
            ps.setTimestamp(++i, Timestamp.from(w.awaitingReplySince()));
            ps.setTimestamp(++i, Timestamp.from(w.heldRepliesUntil()));
            ps.setInt(++i, limit);
            List<WarmCandidate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String temperature = rs.getString(4);
                    out.add(new WarmCandidate(new LeadRef(rs.getString(1), rs.getString(2)), rs.getString(3),
                            temperature == null ? null : Temperature.valueOf(temperature), instant(rs, 5),
                            instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9)));
                }
            }
            return out;
        }
    }

    /**
     * A fingerprint per lead of what the worker may change (the conversation's version, the contact's last
     * update): two reads that differ mean the lead changed in between. Leads with neither row are absent.
     */
    public Map<LeadRef, String> fingerprints(Connection c, List<LeadRef> leads) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.location_id, l.contact_id, cv.version, k.updated_at, k.dnd, k.deleted_at IS NOT NULL
                FROM unnest(?::text[], ?::text[]) AS l(location_id, contact_id)
                LEFT JOIN conversations cv ON cv.location_id = l.location_id AND cv.contact_id = l.contact_id
                LEFT JOIN contacts k ON k.location_id = l.location_id AND k.contact_id = l.contact_id
                WHERE cv.contact_id IS NOT NULL OR k.contact_id IS NOT NULL""")) {
            ps.setArray(1, c.createArrayOf("text", leads.stream().map(LeadRef::locationId).toArray()));
            ps.setArray(2, c.createArrayOf("text", leads.stream().map(LeadRef::contactId).toArray()));
            Map<LeadRef, String> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp updated = rs.getTimestamp(4);
                    out.put(new LeadRef(rs.getString(1), rs.getString(2)), rs.getString(3) + "|"
                            + (updated == null ? "-" : updated.toInstant()) + "|" + rs.getBoolean(5) + "|" + rs.getBoolean(6));
                }
            }
            return out;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
