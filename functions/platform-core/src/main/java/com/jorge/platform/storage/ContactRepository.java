package com.jorge.platform.storage;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Contacts as GHL reports them; the bot only reads them. */
public final class ContactRepository {

    public void upsert(Connection c, GhlEvent.ContactChanged e) throws SQLException {
        ensureLocation(c, e.meta().locationId());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO contacts (location_id, contact_id, first_name, last_name, phone, email, tags, dnd, time_zone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, contact_id) DO UPDATE SET first_name = EXCLUDED.first_name,
                    last_name = EXCLUDED.last_name, phone = EXCLUDED.phone, email = EXCLUDED.email,
                    tags = EXCLUDED.tags, dnd = EXCLUDED.dnd, time_zone = COALESCE(EXCLUDED.time_zone, contacts.time_zone),
                    deleted_at = NULL, updated_at = now()""")) {
            ps.setString(1, e.meta().locationId());
            ps.setString(2, e.contactId());
            ps.setString(3, e.firstName());
            ps.setString(4, e.lastName());
            ps.setString(5, e.phone());
            ps.setString(6, e.email());
            ps.setArray(7, c.createArrayOf("text", e.tags().toArray()));
            ps.setBoolean(8, e.dnd());
            ps.setString(9, e.timezone());
            ps.executeUpdate();
        }
    }

    /** Makes sure a row exists for a lead we first hear of through a message. */
    public void ensureExists(Connection c, LeadRef lead) throws SQLException {
        ensureLocation(c, lead.locationId());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO contacts (location_id, contact_id) VALUES (?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.executeUpdate();
        }
    }

    public void setDnd(Connection c, LeadRef lead, boolean dnd) throws SQLException {
        ensureExists(c, lead);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE contacts SET dnd = ?, updated_at = now() WHERE location_id = ? AND contact_id = ?")) {
            ps.setBoolean(1, dnd);
            ps.setString(2, lead.locationId());
            ps.setString(3, lead.contactId());
            ps.executeUpdate();
        }
    }

    /** Soft delete: the audit trail and message history stay, the bot stops. */
    public void markDeleted(Connection c, LeadRef lead) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE contacts SET deleted_at = now(), updated_at = now() WHERE location_id = ? AND contact_id = ?")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.executeUpdate();
        }
    }

    public Optional<ContactRecord> find(Connection c, LeadRef lead) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.first_name, c.last_name, c.phone, c.email, c.tags, c.dnd,
                       COALESCE(c.time_zone, l.time_zone), c.deleted_at IS NOT NULL
                FROM contacts c JOIN locations l ON l.location_id = c.location_id
                WHERE c.location_id = ? AND c.contact_id = ?""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Array tags = rs.getArray(5);
                List<String> tagList = tags == null ? List.of() : Arrays.asList((String[]) tags.getArray());
                return Optional.of(new ContactRecord(lead.locationId(), lead.contactId(), rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), tagList, rs.getBoolean(6),
                        rs.getString(7), rs.getBoolean(8)));
            }
        }
    }

    private static void ensureLocation(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO locations (location_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, locationId);
            ps.executeUpdate();
        }
    }
}
