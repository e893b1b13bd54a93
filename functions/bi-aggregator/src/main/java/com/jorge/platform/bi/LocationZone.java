package com.jorge.platform.bi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A GHL location and the zone its days are counted in: the location's own time zone when it has a valid
 * one, else the configured default. Changing a location's zone moves its day boundaries: backfill after.
 */
public record LocationZone(String locationId, ZoneId zone) {

    /** The zone as PostgreSQL names it (it knows "UTC", not Java's "Z"). */
    public String sqlZone() {
        return zone instanceof ZoneOffset offset ? (offset.getTotalSeconds() == 0 ? "UTC" : offset.getId()) : zone.getId();
    }

    public static List<LocationZone> all(Connection c, ZoneId fallback) throws SQLException {
        List<LocationZone> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT location_id, time_zone FROM locations ORDER BY location_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new LocationZone(rs.getString(1), zoneOr(rs.getString(2), fallback)));
        }
        return out;
    }

    public static LocationZone of(Connection c, String locationId, ZoneId fallback) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT time_zone FROM locations WHERE location_id = ?")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("unknown location " + locationId);
                return new LocationZone(locationId, zoneOr(rs.getString(1), fallback));
            }
        }
    }

    static ZoneId zoneOr(String stored, ZoneId fallback) {
        if (stored == null || stored.isBlank()) return fallback;
        try {
            return ZoneId.of(stored.trim());
        } catch (DateTimeException e) {
            return fallback; // GHL sent something we cannot read: count its days like the team's
        }
    }
}
