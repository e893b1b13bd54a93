package com.jorge.platform.alerts.business;

import com.jorge.platform.alerts.rules.Severity;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The open pipeline value the aggregator keeps per hour (bi_pipeline_hourly, V76): the latest hour against
 * the hour before it, bad when it fell more than {@code pipelineDrop}. The latest hour must be this hour or
 * the last one (the aggregator runs every 5 minutes), and the two consecutive; an empty pipeline before
 * leaves nothing to fall.
 */
public record PipelineValueCheck(DataSource dataSource, BusinessAlertSettings settings) implements BusinessCheck {

    public static final String NAME = "PipelineValueDrop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<BusinessReading> read(String locationId, ZoneId zone, Instant now) throws SQLException {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant[] hours = new Instant[2];
        BigDecimal[] values = new BigDecimal[2];
        int n = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT hour, open_value FROM bi_pipeline_hourly
                     WHERE location_id = ? AND hour BETWEEN ? AND ? ORDER BY hour DESC LIMIT 2""")) {
            ps.setString(1, locationId);
            ps.setObject(2, hour.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
            ps.setObject(3, hour.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hours[n] = rs.getObject(1, OffsetDateTime.class).toInstant();
                    values[n++] = rs.getBigDecimal(2);
                }
            }
        }
        if (n < 2 || !hours[1].plus(Duration.ofHours(1)).equals(hours[0]) || values[1].signum() <= 0) return Optional.empty();
        double latest = values[0].doubleValue();
        double before = values[1].doubleValue();
        double firesBelow = before * (1 - settings.pipelineDrop().doubleValue());
        String numbers = String.format(Locale.ROOT,
                "open pipeline $%,.2f in the hour from %s against $%,.2f the hour before: %s %.1f %%; alerts under $%,.2f",
                latest, hours[0], before, latest < before ? "down" : "up", 100 * Math.abs(1 - latest / before), firesBelow);
        return Optional.of(new BusinessReading(NAME, Severity.HIGH, latest < firesBelow, latest, firesBelow, numbers));
    }
}
