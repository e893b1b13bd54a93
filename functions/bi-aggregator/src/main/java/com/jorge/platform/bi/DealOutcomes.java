package com.jorge.platform.bi;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * bi_deal_outcomes: won and lost opportunities, dated when the aggregator first saw them in that status
 * (GHL's updated_at, read in the run after the change). A later edit of a won deal (name, value) keeps
 * its day; a deal reopened leaves its old day. GHL's 'abandoned' counts as lost. Every stage an
 * opportunity is seen in goes to bi_opportunity_stages.
 */
final class DealOutcomes {

    /** Syncs the opportunities changed after {@code since}; returns the days (in {@code zone}) whose figures moved. */
    Set<LocalDate> sync(Connection c, String locationId, Instant since, ZoneId zone) throws SQLException {
        Set<LocalDate> touched = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT o.opportunity_id, o.contact_id, o.status, COALESCE(o.monetary_value, 0), o.updated_at,
                       d.status, d.decided_at, o.pipeline_stage_id
                FROM opportunities o
                LEFT JOIN bi_deal_outcomes d ON d.location_id = o.location_id AND d.opportunity_id = o.opportunity_id
                WHERE o.location_id = ? AND o.updated_at > ?""")) {
            ps.setString(1, locationId);
            ps.setObject(2, DayWindow.timestamptz(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String opportunityId = rs.getString(1);
                    String contactId = rs.getString(2);
                    String outcome = outcomeOf(rs.getString(3));
                    BigDecimal value = rs.getBigDecimal(4);
                    Instant updatedAt = rs.getObject(5, OffsetDateTime.class).toInstant();
                    String previous = rs.getString(6);
                    OffsetDateTime previousAt = rs.getObject(7, OffsetDateTime.class);
                    if (previousAt != null) touched.add(DayWindow.dayOf(previousAt.toInstant(), zone));
                    String stage = rs.getString(8);
                    if (stage != null) seenInStage(c, locationId, opportunityId, stage, updatedAt);
                    if (outcome == null) {
                        if (previous != null) delete(c, locationId, opportunityId);
                        continue;
                    }
                    Instant decidedAt = outcome.equals(previous) ? previousAt.toInstant() : updatedAt;
                    upsert(c, locationId, opportunityId, contactId, outcome, value, decidedAt);
                    touched.add(DayWindow.dayOf(decidedAt, zone));
                }
            }
        }
        return touched;
    }

    /** won, lost, or null for a deal still open (or a status we do not know). */
    static String outcomeOf(String ghlStatus) {
        if (ghlStatus == null) return null;
        return switch (ghlStatus.trim().toLowerCase(Locale.ROOT)) {
            case "won" -> "won";
            case "lost", "abandoned" -> "lost";
            default -> null;
        };
    }

    private static void upsert(Connection c, String locationId, String opportunityId, String contactId, String status,
                               BigDecimal value, Instant decidedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_deal_outcomes AS d (location_id, opportunity_id, contact_id, status, monetary_value, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, opportunity_id) DO UPDATE SET contact_id = EXCLUDED.contact_id,
                    status = EXCLUDED.status, monetary_value = EXCLUDED.monetary_value, decided_at = EXCLUDED.decided_at
                WHERE (d.contact_id, d.status, d.monetary_value, d.decided_at)
                      IS DISTINCT FROM (EXCLUDED.contact_id, EXCLUDED.status, EXCLUDED.monetary_value, EXCLUDED.decided_at)""")) {
            ps.setString(1, locationId);
            ps.setString(2, opportunityId);
            ps.setString(3, contactId);
            ps.setString(4, status);
            ps.setBigDecimal(5, value);
            ps.setObject(6, DayWindow.timestamptz(decidedAt));
            ps.executeUpdate();
        }
    }

    /** GHL keeps no stage history: every stage the aggregator sees a deal in is kept, to learn stage win rates. */
    private static void seenInStage(Connection c, String locationId, String opportunityId, String stage, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_opportunity_stages (location_id, opportunity_id, pipeline_stage_id, first_seen_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, locationId);
            ps.setString(2, opportunityId);
            ps.setString(3, stage);
            ps.setObject(4, DayWindow.timestamptz(at));
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, String locationId, String opportunityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM bi_deal_outcomes WHERE location_id = ? AND opportunity_id = ?")) {
            ps.setString(1, locationId);
            ps.setString(2, opportunityId);
            ps.executeUpdate();
        }
    }
}
