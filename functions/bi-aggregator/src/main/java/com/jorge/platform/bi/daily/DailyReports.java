package com.jorge.platform.bi.daily;

import com.jorge.platform.bi.BiReport;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.LocationZone;
import com.jorge.platform.bi.page.ReportPage;
import com.jorge.platform.storage.Transactor;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The daily report: for every location, the phone page ({@link ReportPage}) of the month to date up to
 * yesterday in the location's zone (on the 1st, the whole month before), stored as
 * {@code <prefix><locationId>/<yesterday>.html} and again as {@code <prefix><locationId>/latest.html}. A location
 * that fails is reported and the others go on; a location id that cannot be a key (GHL's are alphanumeric) is
 * skipped and reported.
 */
public final class DailyReports {

    /** What a key may carry: GHL location ids are 20-odd alphanumerics; nothing here may climb out of the prefix. */
    private static final Pattern KEY_SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What one run published. {@code failures}: location and the error's kind, never a message (no personal data). */
    public record Summary(int locations, int published, List<String> keys, List<String> failures) {
        public Summary {
            keys = List.copyOf(keys);
            failures = List.copyOf(failures);
        }
    }

    private final Transactor db;
    private final BiReportReader reports;
    private final ReportStore store;
    private final DailyReportSettings settings;
    private final ZoneId defaultZone;
    private final Clock clock;

    public DailyReports(DataSource dataSource, BiReportReader reports, ReportStore store, DailyReportSettings settings,
                        ZoneId defaultZone, Clock clock) {
        this.db = new Transactor(dataSource);
        this.reports = reports;
        this.store = store;
        this.settings = settings;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** Where a location's newest page is: {@code <prefix><locationId>/latest.html}; empty for an id that cannot be a key. */
    public static Optional<String> latestKey(String prefix, String locationId) {
        if (locationId == null || !KEY_SAFE.matcher(locationId).matches()) return Optional.empty();
        return Optional.of(prefix + locationId + "/latest.html");
    }

    public Summary publish() {
        Instant now = clock.instant();
        List<LocationZone> locations = db.inTransaction(c -> LocationZone.all(c, defaultZone));
        List<String> keys = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int published = 0;
        for (LocationZone location : locations) {
            if (!KEY_SAFE.matcher(location.locationId()).matches()) {
                failures.add("location id not usable in a key (skipped)");
                continue;
            }
            LocalDate to = LocalDate.ofInstant(now, location.zone()).minusDays(1);
            try {
                BiReport report = reports.report(location.locationId(), to.withDayOfMonth(1), to);
                String html = ReportPage.render(report, now);
                String folder = settings.prefix() + location.locationId() + "/";
                store.put(folder + to + ".html", html);
                store.put(latestKey(settings.prefix(), location.locationId()).orElseThrow(), html);
                keys.add(folder + to + ".html");
                published++;
            } catch (RuntimeException e) {
                failures.add(location.locationId() + ": " + e.getClass().getSimpleName());
            }
        }
        return new Summary(locations.size(), published, keys, failures);
    }
}
