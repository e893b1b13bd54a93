package com.jorge.platform.alerts.business;

import com.jorge.platform.alerts.rules.Severity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Qualified ÷ new leads (bi_daily_funnel) over the last {@code recentDays} days of the location (today
 * included) against the {@code baselineDays} before them: bad when the recent rate is more than
 * {@code qualificationDrop} under the baseline. Both windows need {@code minLeads} new leads, and the
 * baseline a rate above zero, or there is nothing to judge.
 */
public record QualificationRateCheck(DataSource dataSource, BusinessAlertSettings settings) implements BusinessCheck {

    public static final String NAME = "QualificationRateDrop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<BusinessReading> read(String locationId, ZoneId zone, Instant now) throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate recentFrom = today.minusDays(settings.recentDays() - 1L);
        LocalDate baselineFrom = recentFrom.minusDays(settings.baselineDays());
        long recentLeads, recentQualified, baseLeads, baseQualified;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT COALESCE(sum(new_leads) FILTER (WHERE day >= ?), 0), COALESCE(sum(qualified) FILTER (WHERE day >= ?), 0),
                            COALESCE(sum(new_leads) FILTER (WHERE day < ?), 0), COALESCE(sum(qualified) FILTER (WHERE day < ?), 0)
                     FROM bi_daily_funnel WHERE location_id = ? AND day BETWEEN ? AND ?""")) {
            ps.setObject(1, recentFrom);
            ps.setObject(2, recentFrom);
            ps.setObject(3, recentFrom);
            ps.setObject(4, recentFrom);
            ps.setString(5, locationId);
            ps.setObject(6, baselineFrom);
            ps.setObject(7, today);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                recentLeads = rs.getLong(1);
                recentQualified = rs.getLong(2);
                baseLeads = rs.getLong(3);
                baseQualified = rs.getLong(4);
            }
        }
        if (recentLeads < settings.minLeads() || baseLeads < settings.minLeads() || baseQualified == 0) return Optional.empty();
        double recent = (double) recentQualified / recentLeads;
        double baseline = (double) baseQualified / baseLeads;
        double firesBelow = baseline * (1 - settings.qualificationDrop().doubleValue());
        String numbers = String.format(Locale.ROOT,
                "qualification rate %.1f %% over the last %d days (%d of %d new leads) against %.1f %% over the %d days before (%d of %d): %s %.0f %%; alerts under %.1f %%",
                100 * recent, settings.recentDays(), recentQualified, recentLeads, 100 * baseline, settings.baselineDays(),
                baseQualified, baseLeads, recent < baseline ? "down" : "up", 100 * Math.abs(1 - recent / baseline), 100 * firesBelow);
        return Optional.of(new BusinessReading(NAME, Severity.HIGH, recent < firesBelow, recent, firesBelow, numbers));
    }
}
