package com.jorge.platform.bi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The queue of location-days to recompute (bi_dirty_days): marked by change capture, drained by rollups. */
final class DirtyDays {

    record Entry(String locationId, LocalDate day) {}

    int mark(Connection c, String locationId, Collection<LocalDate> days) throws SQLException {
        if (days.isEmpty()) return 0;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_dirty_days (location_id, day) SELECT ?, d FROM unnest(?::date[]) AS x(d)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, locationId);
            ps.setArray(2, c.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray()));
            return ps.executeUpdate();
        }
    }

    /** Waiting days, newest first: today's dashboards matter most, a backlog drains behind them. */
    List<Entry> waiting(Connection c, String locationIdOrNull) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT location_id, day FROM bi_dirty_days WHERE (?::text IS NULL OR location_id = ?)
                ORDER BY day DESC, location_id""")) {
            ps.setString(1, locationIdOrNull);
            ps.setString(2, locationIdOrNull);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Entry(rs.getString(1), rs.getObject(2, LocalDate.class)));
            }
            return out;
        }
    }

    void remove(Connection c, String locationId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bi_dirty_days WHERE location_id = ? AND day = ?")) {
            ps.setString(1, locationId);
            ps.setObject(2, day);
            ps.executeUpdate();
        }
    }
}
