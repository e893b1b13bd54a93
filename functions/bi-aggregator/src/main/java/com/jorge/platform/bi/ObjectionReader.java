package com.jorge.platform.bi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Objection outcomes: per objection the bots answered in the range (audit {@code replied}, detail
 * {@code objection}, which the worker copies from the bot's turn), the leads who raised it and what each did
 * after the first time in the range: wrote again, turned WARM/HOT, got an appointment, opted out, won a deal
 * (at any time after, up to now). Read from the source tables at report time through the per-lead indexes
 * (audit_log, messages, appointments, bi_deal_outcomes by contact); nothing is rolled up.
 */
final class ObjectionReader {

    List<BiReport.ObjectionOutcome> read(Connection c, String locationId, Instant start, Instant end) throws SQLException {
        List<BiReport.ObjectionOutcome> out = new ArrayList<>();
        // estimated at every lead of the range, this query's cost passes jit_above_cost, and compiling it took
        // longer than running it (39 of 85 ms on the 4 x 5,000-lead benchmark, perf/bi-aggregator/PLANS.md);
        // it is the report transaction's last query
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL jit = off");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH raised AS (
                    SELECT a.contact_id, a.detail->>'objection' AS objection, min(a.at) AS at, count(*) AS times
                    FROM audit_log a
                    WHERE a.location_id = ? AND a.action = 'replied' AND a.at >= ? AND a.at < ?
                      AND COALESCE(a.detail->>'objection', '') <> ''
                    GROUP BY a.contact_id, a.detail->>'objection')
                SELECT r.objection, sum(r.times), count(*),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM messages m WHERE m.location_id = ? AND m.contact_id = r.contact_id
                        AND m.direction = 'inbound' AND m.created_at > r.at)),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM audit_log q WHERE q.location_id = ? AND q.contact_id = r.contact_id
                        AND q.action = 'replied' AND q.at > r.at AND q.detail->>'temperature' IN ('WARM', 'HOT'))),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appointments p WHERE p.location_id = ? AND p.contact_id = r.contact_id
                        AND p.created_at > r.at)),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM audit_log o WHERE o.location_id = ? AND o.contact_id = r.contact_id
                        AND o.at > r.at AND (o.action = 'opted_out' OR (o.action = 'replied' AND o.detail->>'stage' = 'opted_out')))),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bi_deal_outcomes d WHERE d.location_id = ? AND d.contact_id = r.contact_id
                        AND d.status = 'won' AND d.decided_at > r.at))
                FROM raised r GROUP BY r.objection ORDER BY count(*) DESC, r.objection""")) {
            ps.setString(1, locationId);
            ps.setTimestamp(2, Timestamp.from(start));
            ps.setTimestamp(3, Timestamp.from(end));
            for (int i = 4; i <= 8; i++) ps.setString(i, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int leads = rs.getInt(3);
                    int wroteAgain = rs.getInt(4);
                    int qualified = rs.getInt(5);
                    int appointment = rs.getInt(6);
                    int optedOut = rs.getInt(7);
                    int won = rs.getInt(8);
                    out.add(new BiReport.ObjectionOutcome(rs.getString(1), rs.getInt(2), leads, wroteAgain, qualified,
                            appointment, optedOut, won, rate(wroteAgain, leads), rate(qualified, leads),
                            rate(appointment, leads), rate(optedOut, leads), rate(won, leads)));
                }
            }
        }
        return out;
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
