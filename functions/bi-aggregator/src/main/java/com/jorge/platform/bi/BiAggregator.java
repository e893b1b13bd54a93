package com.jorge.platform.bi;

import com.jorge.platform.bi.attribution.DealAttribution;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the BI rollups current. A run first captures each location's changes since its watermark (one
 * transaction per location: refresh lead milestones and deal outcomes, queue the days they touch, move
 * the watermark), then recomputes queued days newest first, one transaction per location-day, until the
 * queue is empty or the time budget is spent. A day whose transaction fails keeps its previous rows and
 * stays queued. Re-running with no new data writes nothing new: every figure is a function of the
 * source rows. Scheduled every 5 minutes (EventBridge in AWS; the local runtime calls {@link #run()}).
 */
public final class BiAggregator {

    private static final Logger log = LoggerFactory.getLogger(BiAggregator.class);

    private static final long STATEMENT_GRACE_MS = 15_000;

    private final Transactor db;
    private final BiSettings settings;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final DirtyDays dirty = new DirtyDays();
    private final ChangeCapture capture;
    private final DayFiguresQuery figures = new DayFiguresQuery();
    private final RollupTables tables = new RollupTables();

    public BiAggregator(DataSource dataSource, BiSettings settings, PlatformMetrics metrics, Clock clock) {
        this.db = new Transactor(dataSource);
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.capture = new ChangeCapture(dirty, new DealAttribution(settings.attributionHalfLife()));
    }

    public BiSettings settings() {
        return settings;
    }

    /** One scheduled run within the configured time budget. */
    public RunSummary run() {
        return run(settings.timeBudget());
    }

    /** One scheduled run that starts no new work after {@code budget}. */
    public RunSummary run(Duration budget) {
        Instant started = clock.instant();
        Instant deadline = started.plus(budget);
        Tally tally = new Tally();
        List<LocationZone> locations = db.inTransaction(c -> LocationZone.all(c, settings.defaultZone()));
        for (LocationZone location : locations) {
            if (clock.instant().isAfter(deadline)) break;
            captureOne(location, tally, c -> {
                limitStatements(c, deadline);
                if (!holdLocation(c, location.locationId())) return null;
                ChangeCapture.Result result = capture.capture(c, location, started, settings);
                PipelineHourly.record(c, location.locationId(), started, Duration.ofDays(settings.lookbackDays()));
                return result;
            });
        }
        drain(null, locations, deadline, tally);
        return finish(started, locations.size(), tally);
    }

    /**
     * Rebuilds {@code from..to} (days in each location's zone) for one location, or every location when
     * {@code locationId} is null: milestones and deal outcomes are recomputed from all history, the days
     * are queued and drained within {@code budget}; what is left is drained by the next scheduled runs.
     */
    public RunSummary backfill(String locationId, LocalDate from, LocalDate to, Duration budget) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("backfill needs from <= to, got from=" + from + " to=" + to);
        }
        Instant started = clock.instant();
        Tally tally = new Tally();
        List<LocationZone> locations = db.inTransaction(c -> locationId == null
                ? LocationZone.all(c, settings.defaultZone())
                : List.of(LocationZone.of(c, locationId, settings.defaultZone())));
        for (LocationZone location : locations) {
            captureOne(location, tally, c -> {
                limitStatements(c, started.plus(budget));
                return holdLocation(c, location.locationId()) ? capture.rebuild(c, location, from, to) : null;
            });
        }
        drain(locationId, locations, started.plus(budget), tally);
        return finish(started, locations.size(), tally);
    }

    /** Runs one location's capture transaction; a failure is reported and the other locations go on. */
    private void captureOne(LocationZone location, Tally tally, Transactor.Work<ChangeCapture.Result> work) {
        try {
            ChangeCapture.Result result = db.inTransaction(work);
            if (result == null) {
                tally.busy++;
                return;
            }
            tally.leads += result.changedLeads();
            tally.marked += result.daysMarked();
        } catch (RuntimeException e) { // the watermark did not move: the next run reads the same changes
            tally.failures.add(location.locationId() + "/capture: " + rootMessage(e));
            log.error("BI change capture of location {} failed", location.locationId(), e);
        }
    }

    private void drain(String onlyLocation, List<LocationZone> locations, Instant deadline, Tally tally) {
        Map<String, LocationZone> zones = new HashMap<>();
        locations.forEach(l -> zones.put(l.locationId(), l));
        List<DirtyDays.Entry> waiting = db.inTransaction(c -> dirty.waiting(c, onlyLocation));
        int index = 0;
        for (; index < waiting.size(); index++) {
            if (clock.instant().isAfter(deadline)) break;
            DirtyDays.Entry entry = waiting.get(index);
            LocationZone location = zones.getOrDefault(entry.locationId(),
                    new LocationZone(entry.locationId(), settings.defaultZone()));
            try {
                if (recompute(location, entry.day(), deadline)) tally.recomputed++;
                else tally.pending++; // another run holds the location: it stays queued
            } catch (RuntimeException e) { // StorageException, or a bug in one day: the others still run
                tally.failures.add(entry.locationId() + "/" + entry.day() + ": " + rootMessage(e));
                log.error("BI rollup of location {} day {} failed; its previous rows stay", entry.locationId(),
                        entry.day(), e);
            }
        }
        tally.pending += waiting.size() - index;
    }

    /** Recomputes one location-day in one transaction; false when another run holds the location. */
    private boolean recompute(LocationZone location, LocalDate day, Instant deadline) {
        return db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                // every query of the day sees the same snapshot of the source tables
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            limitStatements(c, deadline);
            if (!holdLocation(c, location.locationId())) return false;
            boolean today = day.equals(DayWindow.dayOf(clock.instant(), location.zone()));
            DayFigures computed = figures.compute(c, location.locationId(), new DayWindow(day, location.zone()), today);
            tables.write(c, location.locationId(), day, computed);
            dirty.remove(c, location.locationId(), day);
            return true;
        });
    }

    /**
     * A blocked or runaway statement fails its own transaction (old rows kept) instead of running the
     * Lambda into its timeout: locks wait BI_LOCK_TIMEOUT_MS, a statement at most until shortly after the
     * deadline (the handler's deadline leaves 20 s before the Lambda's end).
     */
    private void limitStatements(Connection c, Instant deadline) throws SQLException {
        long left = Duration.between(clock.instant(), deadline).toMillis() + STATEMENT_GRACE_MS;
        long statementMs = Math.clamp(left, 1_000, 3_600_000); // an hour is plenty even for a backfill's rebuild
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + settings.lockTimeout().toMillis());
            st.execute("SET LOCAL statement_timeout = " + statementMs);
        }
    }

    /** One run at a time per location (a slow run and the next schedule could overlap). */
    private static boolean holdLocation(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtext('bi-aggregator'), hashtext(?))")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private RunSummary finish(Instant started, int locations, Tally tally) {
        long ms = Duration.between(started, clock.instant()).toMillis();
        RunSummary summary = new RunSummary(started, locations, tally.busy, tally.leads, tally.marked,
                tally.recomputed, tally.failures.size(), tally.pending, ms, tally.failures);
        metrics.count(BiMetrics.DAYS_RECOMPUTED, null, summary.daysRecomputed());
        metrics.count(BiMetrics.DAYS_FAILED, null, summary.daysFailed());
        metrics.count(BiMetrics.DAYS_PENDING, null, summary.daysPending());
        metrics.count(BiMetrics.LEADS_REFRESHED, null, summary.leadsRefreshed());
        metrics.count(BiMetrics.LOCATIONS_BUSY, null, summary.locationsBusy());
        metrics.latency(BiMetrics.RUN_DURATION, Duration.ofMillis(ms));
        log.info("BI run: {} locations, {} leads refreshed, {} days recomputed, {} failed, {} pending, {} ms",
                locations, summary.leadsRefreshed(), summary.daysRecomputed(), summary.daysFailed(),
                summary.daysPending(), ms);
        return summary;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
    }

    private static final class Tally {
        int busy;
        int leads;
        int marked;
        int recomputed;
        int pending;
        final List<String> failures = new ArrayList<>();
    }
}
