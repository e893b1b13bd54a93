package com.jorge.platform.bi;

import com.jorge.platform.bi.attribution.DealAttribution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what changed in one location since its watermark and turns it into days to recompute. A lead
 * with any new or changed row (message, reply sent, audit event, CRM action, appointment, opportunity,
 * conversation) has its milestones refreshed; every day that lead has a fact on within the lookback
 * window is marked, before and after the refresh, because late data (a reply sent tomorrow, a follow-up
 * answered days later, a deal assigned to an agent) changes figures of the day the fact belongs to; its
 * won deals' attribution is recomputed. Today and yesterday are always marked. Runs in the caller's
 * transaction.
 */
final class ChangeCapture {

    /** What one location's capture did. */
    record Result(int changedLeads, int daysMarked) {}

    private static final String CHANGED_LEADS = """
            SELECT contact_id FROM messages WHERE location_id = ? AND created_at > ?
            UNION SELECT contact_id FROM messages WHERE location_id = ? AND sent_at > ?
            UNION SELECT contact_id FROM audit_log WHERE location_id = ? AND at > ? AND contact_id IS NOT NULL
            UNION SELECT contact_id FROM crm_actions WHERE location_id = ? AND created_at > ?
            UNION SELECT contact_id FROM appointments WHERE location_id = ? AND created_at > ?
            UNION SELECT contact_id FROM opportunities WHERE location_id = ? AND updated_at > ?
            UNION SELECT contact_id FROM conversations WHERE location_id = ? AND updated_at > ?""";
    private static final int CHANGED_LEADS_TABLES = 7;

    /** Every dated fact of the given leads: the days their figures live on. */
    private static final String FACTS_OF_LEADS = """
            SELECT created_at FROM messages WHERE location_id = ? AND contact_id = ANY(?)
            UNION ALL SELECT sent_at FROM messages WHERE location_id = ? AND contact_id = ANY(?)
            UNION ALL SELECT at FROM audit_log WHERE location_id = ? AND contact_id = ANY(?)
            UNION ALL SELECT created_at FROM crm_actions WHERE location_id = ? AND contact_id = ANY(?)
            UNION ALL SELECT created_at FROM appointments WHERE location_id = ? AND contact_id = ANY(?)""";
    private static final int FACTS_OF_LEADS_TABLES = 5;

    private static final String MILESTONES_OF_LEADS = """
            SELECT unnest(ARRAY[first_inbound_at, first_reply_at, qualified_at, hot_at, handed_off_at, opted_out_at])
                FROM bi_lead_milestones WHERE location_id = ? AND contact_id = ANY(?)
            UNION ALL SELECT decided_at FROM bi_deal_outcomes WHERE location_id = ? AND contact_id = ANY(?)""";
    private static final int MILESTONES_OF_LEADS_TABLES = 2;

    private final LeadMilestones milestones = new LeadMilestones();
    private final DealOutcomes deals = new DealOutcomes();
    private final DealAttribution attribution;
    private final DirtyDays dirty;

    ChangeCapture(DirtyDays dirty, DealAttribution attribution) {
        this.dirty = dirty;
        this.attribution = attribution;
    }

    /** Incremental capture: changes since the watermark (or the lookback window on a first run). */
    Result capture(Connection c, LocationZone location, Instant now, BiSettings settings) throws SQLException {
        Instant lookbackStart = now.minus(Duration.ofDays(settings.lookbackDays()));
        Instant since = watermark(c, location.locationId()).orElse(lookbackStart).minus(settings.overlap());
        List<String> changed = changedLeads(c, location.locationId(), since);
        int marked = 0;
        if (!changed.isEmpty()) {
            Array leads = c.createArrayOf("text", changed.toArray());
            marked += markDays(c, location, MILESTONES_OF_LEADS, MILESTONES_OF_LEADS_TABLES, leads, lookbackStart);
            milestones.refresh(c, location.locationId(), leads);
            marked += markDays(c, location, MILESTONES_OF_LEADS, MILESTONES_OF_LEADS_TABLES, leads, lookbackStart);
            marked += markDays(c, location, FACTS_OF_LEADS, FACTS_OF_LEADS_TABLES, leads, lookbackStart);
        }
        marked += dirty.mark(c, location.locationId(), deals.sync(c, location.locationId(), since, location.zone()));
        // a changed deal's lead is among the changed leads (opportunities are read above)
        if (!changed.isEmpty()) attribution.refresh(c, location.locationId(), c.createArrayOf("text", changed.toArray()));
        LocalDate today = DayWindow.dayOf(now, location.zone());
        marked += dirty.mark(c, location.locationId(), List.of(today, today.minusDays(1)));
        saveWatermark(c, location.locationId(), now);
        return new Result(changed.size(), marked);
    }

    /**
     * Backfill: rebuilds every lead's milestones and every deal outcome of the location from the start of
     * its history, and marks {@code from..to}; the watermark is left alone.
     */
    Result rebuild(Connection c, LocationZone location, LocalDate from, LocalDate to) throws SQLException {
        List<String> all = changedLeads(c, location.locationId(), Instant.EPOCH);
        Array leads = c.createArrayOf("text", all.toArray());
        if (!all.isEmpty()) milestones.refresh(c, location.locationId(), leads);
        deals.sync(c, location.locationId(), Instant.EPOCH, location.zone());
        if (!all.isEmpty()) attribution.refresh(c, location.locationId(), leads);
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.add(d);
        return new Result(all.size(), dirty.mark(c, location.locationId(), days));
    }

    private static List<String> changedLeads(Connection c, String locationId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CHANGED_LEADS)) {
            int i = 1;
            for (int t = 0; t < CHANGED_LEADS_TABLES; t++) {
                ps.setString(i++, locationId);
                ps.setObject(i++, DayWindow.timestamptz(since));
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static int markDays(Connection c, LocationZone location, String factsQuery, int tables, Array leads,
                                Instant notBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_dirty_days (location_id, day)
                SELECT DISTINCT ?, (ts AT TIME ZONE ?)::date FROM (""" + factsQuery + """
                ) AS facts(ts) WHERE ts IS NOT NULL AND ts >= ?
                ON CONFLICT DO NOTHING""")) {
            int i = 1;
            ps.setString(i++, location.locationId());
            ps.setString(i++, location.sqlZone());
            for (int t = 0; t < tables; t++) {
                ps.setString(i++, location.locationId());
                ps.setArray(i++, leads);
            }
            ps.setObject(i, DayWindow.timestamptz(notBefore));
            return ps.executeUpdate();
        }
    }

    private static Optional<Instant> watermark(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT changes_through FROM bi_watermarks WHERE location_id = ?")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        }
    }

    private static void saveWatermark(Connection c, String locationId, Instant through) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_watermarks (location_id, changes_through) VALUES (?, ?)
                ON CONFLICT (location_id) DO UPDATE SET changes_through = EXCLUDED.changes_through, updated_at = now()""")) {
            ps.setString(1, locationId);
            ps.setObject(2, DayWindow.timestamptz(through));
            ps.executeUpdate();
        }
    }
}
