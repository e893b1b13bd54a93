package com.jorge.platform.ghl.oauth;

import com.jorge.platform.storage.LocationDeliveries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ghl_installations} in Aurora: the sealed tokens of each installation, its status, and the audit
 * of installs, refresh failures and uninstalls. Callers own the transaction; {@link #find} with
 * {@code lock} takes the row lock that serialises one installation's refreshes across all workers. An
 * install releases the location's held deliveries and an uninstall cancels them, in the same transaction.
 */
public final class InstallationStore {

    private final LocationDeliveries deliveries = new LocationDeliveries();

    public Optional<Installation> find(Connection c, String resourceId, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT resource_id, user_type, company_id, status, data_key, access_token, refresh_token, access_expires_at
                FROM ghl_installations WHERE resource_id = ?""" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Timestamp expires = rs.getTimestamp(8);
                return Optional.of(new Installation(rs.getString(1), rs.getString(2), rs.getString(3),
                        Installation.Status.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getBytes(5), rs.getBytes(6),
                        rs.getBytes(7), expires == null ? null : expires.toInstant()));
            }
        }
    }

    /**
     * An install or reinstall: the grant's tokens replace whatever was there, the installation is active
     * again, and the replies held while it was broken are due now (the outbox's next run sends them).
     */
    public void install(Connection c, TokenGrant grant, TokenSealer.SealedGrant sealed, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ghl_installations (resource_id, user_type, company_id, status, data_key, access_token, refresh_token,
                                               access_expires_at, scope, installed_at)
                VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)
                ON CONFLICT (resource_id) DO UPDATE SET user_type = excluded.user_type, company_id = excluded.company_id,
                    status = 'active', data_key = excluded.data_key, access_token = excluded.access_token,
                    refresh_token = excluded.refresh_token, access_expires_at = excluded.access_expires_at,
                    scope = excluded.scope, installed_at = excluded.installed_at, refreshed_at = NULL,
                    broken_at = NULL, broken_reason = NULL, uninstalled_at = NULL""")) {
            ps.setString(1, grant.resourceId());
            ps.setString(2, grant.userType());
            ps.setString(3, grant.companyId());
            ps.setBytes(4, sealed.dataKey());
            ps.setBytes(5, sealed.accessToken());
            ps.setBytes(6, sealed.refreshToken());
            ps.setTimestamp(7, Timestamp.from(now.plus(grant.expiresIn())));
            ps.setString(8, grant.scope());
            ps.setTimestamp(9, Timestamp.from(now));
            ps.executeUpdate();
        }
        int released = deliveries.releaseHeld(c, grant.resourceId(), now);
        audit(c, grant.resourceId(), "ghl", "app_installed", "{\"userType\":\"" + grant.userType() + "\",\"released\":" + released + "}");
    }

    /** A refresh's result; the old (single-use) refresh token is gone with it. */
    public void refreshed(Connection c, String resourceId, TokenSealer.SealedGrant sealed, Instant expiresAt, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE ghl_installations SET data_key = ?, access_token = ?, refresh_token = ?, access_expires_at = ?, refreshed_at = ?
                WHERE resource_id = ? AND status = 'active'""")) {
            ps.setBytes(1, sealed.dataKey());
            ps.setBytes(2, sealed.accessToken());
            ps.setBytes(3, sealed.refreshToken());
            ps.setTimestamp(4, Timestamp.from(expiresAt));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, resourceId);
            ps.executeUpdate();
        }
    }

    /** GHL refused the refresh token: nothing more is sent for this installation until it is reinstalled. */
    public void markBroken(Connection c, String resourceId, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE ghl_installations SET status = 'broken', broken_at = ?, broken_reason = ?
                WHERE resource_id = ? AND status = 'active'""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, reason);
            ps.setString(3, resourceId);
            if (ps.executeUpdate() == 1) audit(c, resourceId, "system", "installation_broken", "{\"reason\":\"" + reason + "\"}");
        }
    }

    /**
     * The app was uninstalled: its tokens are deleted at once and whatever the location still had waiting
     * to go out is cancelled (a reinstall weeks later must not send stale replies); the location's data
     * stays, per retention. The audit record counts what was cancelled.
     */
    public boolean uninstall(Connection c, String resourceId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE ghl_installations SET status = 'uninstalled', data_key = NULL, access_token = NULL, refresh_token = NULL,
                    access_expires_at = NULL, uninstalled_at = ?
                WHERE resource_id = ? AND status <> 'uninstalled'""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, resourceId);
            if (ps.executeUpdate() != 1) return false;
        }
        LocationDeliveries.Cancelled cancelled = deliveries.cancelPending(c, resourceId);
        audit(c, resourceId, "ghl", "app_uninstalled", "{\"repliesCancelled\":" + cancelled.replies()
                + ",\"actionsCancelled\":" + cancelled.actions() + ",\"deliveriesClosed\":" + cancelled.deliveries() + "}");
        return true;
    }

    /** The locations whose tokens are minted from this agency's. */
    public List<String> locationsOf(Connection c, String companyId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT resource_id FROM ghl_installations WHERE company_id = ? AND user_type = 'Location' AND status <> 'uninstalled'")) {
            ps.setString(1, companyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void audit(Connection c, String resourceId, String actor, String action, String detailJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (location_id, contact_id, actor, action, detail) VALUES (?, NULL, ?, ?, ?::jsonb)")) {
            ps.setString(1, resourceId);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, detailJson);
            ps.executeUpdate();
        }
    }
}
