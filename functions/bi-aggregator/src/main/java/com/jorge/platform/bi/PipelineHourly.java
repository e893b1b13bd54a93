package com.jorge.platform.bi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The location's open pipeline (deals with status open or none, as the day's pipeline snapshot counts
 * them) stored for the run's hour: each run overwrites the hour's row, so a past hour keeps its last
 * value. What the PipelineValueDrop business alert compares hour over hour.
 */
final class PipelineHourly {

    private PipelineHourly() {}

    static void record(Connection c, String locationId, Instant now, Duration keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_pipeline_hourly (location_id, hour, open_count, open_value, taken_at)
                SELECT ?, ?, count(*), COALESCE(sum(monetary_value), 0), ? FROM opportunities
                WHERE location_id = ? AND lower(COALESCE(status, 'open')) = 'open'
                ON CONFLICT (location_id, hour) DO UPDATE
                    SET open_count = EXCLUDED.open_count, open_value = EXCLUDED.open_value, taken_at = EXCLUDED.taken_at
                    WHERE bi_pipeline_hourly.taken_at <= EXCLUDED.taken_at""")) {
            ps.setString(1, locationId);
            ps.setObject(2, now.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
            ps.setObject(3, now.atOffset(ZoneOffset.UTC));
            ps.setString(4, locationId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bi_pipeline_hourly WHERE location_id = ? AND hour < ?")) {
            ps.setString(1, locationId);
            ps.setObject(2, now.minus(keep).atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
