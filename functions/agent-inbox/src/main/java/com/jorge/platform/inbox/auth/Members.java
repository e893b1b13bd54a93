package com.jorge.platform.inbox.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code inbox_members}: which locations a person acts for, and who they are in GHL there. */
public final class Members {

    public Map<String, Caller.Membership> of(Connection c, String subject) throws SQLException {
        Map<String, Caller.Membership> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT location_id, ghl_user_id, notify_contact_id FROM inbox_members WHERE user_sub = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new Caller.Membership(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** The person who is GHL user {@code ghlUserId} in {@code locationId}. */
    public Optional<Caller.Membership> byGhlUser(Connection c, String locationId, String ghlUserId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT location_id, ghl_user_id, notify_contact_id FROM inbox_members WHERE location_id = ? AND ghl_user_id = ?")) {
            ps.setString(1, locationId);
            ps.setString(2, ghlUserId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Caller.Membership(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public void add(Connection c, String subject, Caller.Membership m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox_members (user_sub, location_id, ghl_user_id, notify_contact_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_sub, location_id) DO UPDATE SET ghl_user_id = EXCLUDED.ghl_user_id,
                    notify_contact_id = EXCLUDED.notify_contact_id""")) {
            ps.setString(1, subject);
            ps.setString(2, m.locationId());
            ps.setString(3, m.ghlUserId());
            ps.setString(4, m.notifyContactId());
            ps.executeUpdate();
        }
    }
}
