package com.jorge.platform.worker.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether a location removed the Marketplace app. Once it did, the bots stop there at once: no reply,
 * follow-up or workflow step goes out (GHL stops sending its events, but some are already queued). A
 * single-location team on a private-integration token has no installation row and is never stopped.
 */
public final class InstallationStatus {

    public boolean uninstalled(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM ghl_installations WHERE resource_id = ? AND user_type = 'Location' AND status = 'uninstalled'")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
