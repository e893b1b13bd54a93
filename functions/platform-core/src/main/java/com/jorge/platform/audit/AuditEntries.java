package com.jorge.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads the audit chain from {@code audit_log}, in sequence order, a page at a time. */
public final class AuditEntries {

    private static final String COLUMNS =
            "location_id, seq, contact_id, actor, actor_id, action, reason, detail::text, at, prev_hash, hash";

    private AuditEntries() {
    }

    /** The locations that have an audit chain. */
    public static List<String> locations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT location_id FROM audit_log ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Every entry of the location after {@code afterSeq}, oldest first, up to {@code limit}. */
    public static List<AuditEntry> after(Connection c, String locationId, long afterSeq, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_log WHERE location_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, locationId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        return out;
    }

    /** A lead's entries, oldest first (GDPR export). */
    public static List<AuditEntry> ofContact(Connection c, String locationId, String contactId) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_log WHERE location_id = ? AND contact_id = ? ORDER BY seq")) {
            ps.setString(1, locationId);
            ps.setString(2, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        return out;
    }

    /** Feeds the whole chain of a location to {@code sink}, page by page, without holding it in memory. */
    public static void forEach(Connection c, String locationId, Consumer<AuditEntry> sink) throws SQLException {
        long after = 0;
        List<AuditEntry> page;
        do {
            page = after(c, locationId, after, 5_000);
            page.forEach(sink);
            if (!page.isEmpty()) after = page.getLast().seq();
        } while (page.size() == 5_000);
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, java.time.OffsetDateTime.class).toInstant(), rs.getString(10),
                rs.getString(11));
    }
}
