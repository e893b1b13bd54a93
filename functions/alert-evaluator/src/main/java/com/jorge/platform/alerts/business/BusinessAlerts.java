package com.jorge.platform.alerts.business;

import com.jorge.platform.alerts.AlertNotice;
import com.jorge.platform.alerts.AlertPublisher;
import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.alerts.state.AlertStateStore;
import com.jorge.platform.alerts.state.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the business alerts: every check on every location; a bad reading is confirmed evidence, a
 * good one clears, too little data leaves the alert as it is. The alert state decides (fire once, remind after
 * the cooldown, resolve) and the publisher sends, as for the technical alerts; a notice SNS refused is rolled
 * back so the next run sends it. A failing check is reported for its rule and never stops the others.
 */
public final class BusinessAlerts {

    private static final Logger log = LoggerFactory.getLogger(BusinessAlerts.class);

    private final DataSource dataSource;
    private final List<BusinessCheck> checks;
    private final AlertStateStore state;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final ZoneId defaultZone;

    public BusinessAlerts(DataSource dataSource, List<BusinessCheck> checks, AlertStateStore state, AlertPublisher publisher,
                          Clock clock, ZoneId defaultZone) {
        this.dataSource = dataSource;
        this.checks = List.copyOf(checks);
        this.state = state;
        this.publisher = publisher;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    public BusinessSummary run() {
        Instant now = clock.instant();
        Map<String, String> statuses = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int sent = 0, resolved = 0;
        Map<String, ZoneId> locations;
        try {
            locations = locations();
        } catch (SQLException | RuntimeException e) {
            log.error("business alerts: locations could not be read", e);
            return new BusinessSummary(0, 0, statuses, List.of("locations: " + e.getMessage()));
        }
        for (var location : locations.entrySet()) {
            for (BusinessCheck check : checks) {
                String rule = check.name() + "/" + location.getKey();
                try {
                    var reading = check.read(location.getKey(), location.getValue(), now);
                    if (reading.isEmpty()) {
                        statuses.put(rule, "NO_DATA");
                        continue;
                    }
                    BusinessReading r = reading.get();
                    statuses.put(rule, r.bad() ? "BAD" : "OK");
                    Transition transition = state.decide(rule, r.bad() ? Evidence.CONFIRMED_BAD : Evidence.CONFIRMED_CLEAR, now);
                    if (transition == Transition.NONE) continue;
                    AlertNotice notice = new AlertNotice(rule, r.numbers(), r.severity(), transition, r.bad() ? "BAD" : "OK",
                            r.value(), r.threshold(), Double.NaN, now);
                    try {
                        publisher.publish(notice);
                    } catch (RuntimeException e) {
                        state.sendFailed(rule, transition);
                        throw e;
                    }
                    if (transition == Transition.RESOLVE) resolved++; else sent++;
                    log.warn("business alert {}: {} sent", rule, transition);
                } catch (SQLException | RuntimeException e) {
                    log.error("business alert {} failed", rule, e);
                    statuses.put(rule, "ERROR");
                    errors.add(rule + ": " + e.getMessage());
                }
            }
        }
        return new BusinessSummary(sent, resolved, statuses, errors);
    }

    /** Every location the platform knows, with its zone for BI days. */
    private Map<String, ZoneId> locations() throws SQLException {
        Map<String, ZoneId> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT location_id, time_zone FROM locations ORDER BY location_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), zone(rs.getString(2)));
        }
        return out;
    }

    private ZoneId zone(String name) {
        if (name == null || name.isBlank()) return defaultZone;
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }
}
