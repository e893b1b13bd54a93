package com.jorge.platform.cachewarmer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.RedisLoad;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.StorageException;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One warm run: rank the leads likely to write soon, then load each one's conversation state and profile
 * from Aurora (read-only transactions: the warmer never writes Aurora) and put them into the worker's
 * Redis keys through {@link GuardedCacheWriter}, best first, until the lead, byte or time budget is spent.
 * A lead that changed while it was being warmed gets its fresh copy retracted, so a stale copy never
 * outlives the moment it was written in. Running twice writes nothing new the second time.
 */
public final class CacheWarmer {

    private static final Logger log = LoggerFactory.getLogger(CacheWarmer.class);

    private final Transactor db;
    private final WarmCandidateRepository candidates;
    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final GuardedCacheWriter cache;
    private final WarmCandidatePolicy policy;
    private final WarmOutcomes outcomes;
    private final BiWarming bi; // null: no BI reports loaded
    private final ObjectMapper json;
    private final CacheWarmerSettings settings;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public CacheWarmer(Transactor db, WarmCandidateRepository candidates, ConversationRepository conversations,
                       ContactRepository contacts, GuardedCacheWriter cache, WarmCandidatePolicy policy, WarmOutcomes outcomes,
                       BiWarming bi, ObjectMapper json, CacheWarmerSettings settings, PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.candidates = candidates;
        this.conversations = conversations;
        this.contacts = contacts;
        this.cache = cache;
        this.policy = policy;
        this.outcomes = outcomes;
        this.bi = bi;
        this.json = json;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A lead as loaded from Aurora, with what the worker would cache for it (null: nothing). */
    private record Loaded(LeadRef lead, String conversationJson, long version, String profileJson, boolean eligible) {
        boolean hasEntries() {
            return conversationJson != null || profileJson != null;
        }
    }

    /** One thing to load: a lead's two entries, or a location's BI report. */
    private sealed interface Item {
        record Lead(WarmCandidatePolicy.Ranked ranked) implements Item {}

        record Location(BiWarming.Predicted predicted) implements Item {}
    }

    /** A lead this run wrote, kept until the batch is rechecked. */
    private record Fresh(Loaded loaded, GuardedCacheWriter.Written written, long bytes) {}

    private static final class Tally {
        int warmed;
        int locations; // of warmed + alreadyWarm, locations' reports: WARMER_MAX_LEADS counts leads
        int alreadyWarm;
        int retracted;
        int probes; // Redis probes this run, one before each batch's pipeline
        double pingNanos; // moving average of the slowest master's PING, from the second probe
        RedisLoad lastProbe;
        ChanceCalibration calibration; // null: not learning (capture off), ranked by the raw chance
        final Map<LeadRef, WarmClass> classes = new java.util.HashMap<>();

        long bytes;
        WarmSummary.StopReason stop = WarmSummary.StopReason.COMPLETED;
    }

    /** Runs within the configured time budget. */
    public WarmSummary run() {
        return run(settings.timeBudget());
    }

    /**
     * Runs within {@code timeBudget}. Throws {@link CacheUnavailableException} when Redis fails (nothing is
     * written to Aurora in any case) and {@link StorageException} when Aurora does.
     */
    public WarmSummary run(Duration timeBudget) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant deadline = now.plus(timeBudget);
        Tally tally = new Tally();
        int considered = 0;
        try {
            cache.ping(); // before any work: an outage fails the run at once
            long lag = cache.replicationLagBytes();
            if (lag >= 0) metrics.count(CacheWarmerMetrics.REPLICATION_LAG, null, lag);
            if (settings.calibrates()) tally.calibration = outcomes.learn(now);
            var windows = WarmCandidateRepository.Windows.of(settings, now);
            List<WarmCandidatePolicy.Ranked> all = policy.rank(
                    readOnly(c -> candidates.candidates(c, windows, settings.maxCandidates())), now);
            List<BiWarming.Predicted> locations = bi == null ? List.of() : bi.predict(now, settings.lookahead());
            considered = all.size() + locations.size();
            List<Item> items = order(all, locations, tally.calibration);
            for (WarmCandidatePolicy.Ranked r : all) tally.classes.put(r.candidate().lead(), r.warmClass());
            for (int i = 0; i < items.size() && tally.stop == WarmSummary.StopReason.COMPLETED; ) {
                if (!clock.instant().isBefore(deadline)) {
                    tally.stop = WarmSummary.StopReason.TIME_BUDGET;
                    break;
                }
                if (items.get(i) instanceof Item.Location l) {
                    warmLocation(l.predicted(), now, tally);
                    i++;
                    continue;
                }
                // the run of leads up to the next location, a batch at a time
                List<LeadRef> batch = new ArrayList<>();
                for (; i < items.size() && batch.size() < settings.batchSize() && items.get(i) instanceof Item.Lead lead; i++) {
                    batch.add(lead.ranked().candidate().lead());
                }
                warmBatch(batch, deadline, tally);
            }
            if (tally.calibration != null) {
                outcomes.remember(tally.calibration, all, locations, now);
                log.info("cache warm calibration (class chance:outcomes/read rate): {}", tally.calibration.summary());
            }
        } catch (CacheUnavailableException e) {
            metrics.count(CacheWarmerMetrics.FAILED, "redis");
            log.error("cache warm aborted: Redis unavailable ({}); {} of {} leads warmed before the failure, Aurora untouched",
                    rootMessage(e), tally.warmed, considered);
            throw new CacheUnavailableException("cache warm aborted: Redis unavailable", e);
        } catch (StorageException e) {
            metrics.count(CacheWarmerMetrics.FAILED, "database");
            log.error("cache warm aborted: Aurora read failed ({}); {} of {} leads warmed before the failure",
                    rootMessage(e), tally.warmed, considered);
            throw e;
        }
        WarmSummary summary = new WarmSummary(considered, tally.warmed, tally.alreadyWarm,
                considered - tally.warmed - tally.alreadyWarm, tally.retracted, tally.bytes,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), tally.stop);
        record(summary);
        return summary;
    }

    private void warmBatch(List<LeadRef> batch, Instant deadline, Tally tally) {
        Map<LeadRef, String> before = new java.util.HashMap<>();
        List<Loaded> loaded = readOnly(c -> {
            before.putAll(candidates.fingerprints(c, batch)); // first: any later change shows in the recheck
            List<Loaded> out = new ArrayList<>(batch.size());
            for (LeadRef lead : batch) out.add(load(c, lead));
            return out;
        });
        if (!clock.instant().isBefore(deadline)) {
            tally.stop = WarmSummary.StopReason.TIME_BUDGET;
            return;
        }
        // the batch's leads that fit, in rank order: the first that does not ends the run
        List<Loaded> chosen = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long pending = 0;
        WarmSummary.StopReason budget = WarmSummary.StopReason.COMPLETED;
        for (Loaded l : loaded) {
            if (!l.eligible() || !l.hasEntries()) continue;
            if (tally.warmed + tally.alreadyWarm - tally.locations + chosen.size() >= settings.maxLeads()) {
                budget = WarmSummary.StopReason.LEAD_BUDGET;
                break;
            }
            long bytes = size(cache.conversationKey(l.lead()), l.conversationJson()) + size(cache.profileKey(l.lead()), l.profileJson());
            if (tally.bytes + pending + bytes > settings.maxBytes()) {
                budget = WarmSummary.StopReason.BYTE_BUDGET;
                break;
            }
            chosen.add(l);
            sizes.add(bytes);
            if (tally.calibration != null) tally.calibration.noteBytes(tally.classes.getOrDefault(l.lead(), WarmClass.RECENT_INBOUND), bytes);
            pending += bytes;
        }
        if (chosen.isEmpty()) {
            tally.stop = budget;
            return;
        }
        WarmSummary.StopReason busy = redisBusy(tally);
        if (busy != null) {
            tally.stop = busy;
            return;
        }
        List<GuardedCacheWriter.Written> written = cache.warmAll(chosen.stream()
                .map(l -> new GuardedCacheWriter.Warm(l.lead(), l.conversationJson(), l.version(), l.profileJson())).toList());
        List<Fresh> fresh = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            tally.bytes += sizes.get(i);
            if (written.get(i).any()) {
                tally.warmed++;
                fresh.add(new Fresh(chosen.get(i), written.get(i), sizes.get(i)));
            } else {
                tally.alreadyWarm++;
            }
        }
        tally.stop = budget;
        if (fresh.isEmpty()) return;
        Map<LeadRef, String> after = readOnly(c -> candidates.fingerprints(c, fresh.stream().map(f -> f.loaded().lead()).toList()));
        for (Fresh f : fresh) {
            LeadRef lead = f.loaded().lead();
            if (Objects.equals(before.get(lead), after.get(lead))) continue;
            // the worker changed this lead after we read it: drop our copy, the worker's read-through reloads it
            cache.retract(lead, f.written().conversation() ? f.loaded().conversationJson() : null,
                    f.written().profile() ? f.loaded().profileJson() : null);
            tally.warmed--;
            tally.retracted++;
            tally.bytes -= f.bytes();
        }
    }

    /**
     * The leads worth a load, best first: by expected reads saved per byte of the budget, the calibrated chance ×
     * the reads a use makes / the class's mean bytes. Without a calibration (or before it learned anything) that is
     * the policy's own order. Stable: equal benefits keep the policy's order (most recent activity first). Worth a
     * load: without calibration, a raw chance of at least {@code WARMER_MIN_CHANCE_PERCENT}; with it, a calibrated
     * chance of at least {@code WARMER_MIN_CALIBRATED_CHANCE_PERCENT}, the threshold and the order reading the same
     * number (on raw scores the run refreshed leads read a few % of the time, scored over the threshold, while it
     * skipped reports read a third of the time, scored under it; perf/cache-warming, fifth round).
     */
    private List<Item> order(List<WarmCandidatePolicy.Ranked> all, List<BiWarming.Predicted> locations, ChanceCalibration calibration) {
        ChanceCalibration c = calibration == null ? new ChanceCalibration() : calibration; // empty: the raw chance
        Map<Item, Double> benefit = new java.util.IdentityHashMap<>();
        List<Item> items = new ArrayList<>();
        for (WarmCandidatePolicy.Ranked r : all) {
            if (!worthALoad(c, calibration != null, r.warmClass(), r.score())) continue;
            Item item = new Item.Lead(r);
            benefit.put(item, benefit(c, r.warmClass(), r.score()));
            items.add(item);
        }
        for (BiWarming.Predicted p : locations) {
            if (!worthALoad(c, calibration != null, WarmClass.BI, p.chance())) continue;
            Item item = new Item.Location(p);
            benefit.put(item, benefit(c, WarmClass.BI, p.chance()));
            items.add(item);
        }
        items.sort(java.util.Comparator.comparingDouble((Item i) -> benefit.get(i)).reversed());
        return items;
    }

    private boolean worthALoad(ChanceCalibration c, boolean calibrating, WarmClass k, double chance) {
        return calibrating ? c.calibrated(k, chance, outcomes.detection(k)) >= settings.minCalibratedChance() : chance >= settings.minChance();
    }

    private double benefit(ChanceCalibration c, WarmClass k, double chance) {
        return c.calibrated(k, chance, outcomes.detection(k)) * k.readsPerUse() / c.meanBytes(k);
    }

    /**
     * Loads a location's report unless it is cached (then it counts as already warm, its bytes against the
     * budget); a report that does not fit the byte budget ends the run, as a lead that does not fit does.
     */
    private void warmLocation(BiWarming.Predicted location, Instant now, Tally tally) {
        BiWarming.Report report = bi.prepare(location.locationId(), now);
        if (tally.bytes + report.bytes() > settings.maxBytes()) {
            tally.stop = WarmSummary.StopReason.BYTE_BUDGET;
            return;
        }
        if (!report.cached()) {
            WarmSummary.StopReason busy = redisBusy(tally);
            if (busy != null) {
                tally.stop = busy;
                return;
            }
            bi.write(report);
            if (tally.calibration != null) tally.calibration.noteBytes(WarmClass.BI, report.bytes());
        }
        tally.bytes += report.bytes();
        tally.locations++;
        if (report.cached()) tally.alreadyWarm++;
        else tally.warmed++;
    }

    /**
     * Probes Redis before a batch's pipeline: the slowest master's PING (moving average, judged from the
     * second probe on: the first may pay for connecting) and each master's CPU use since the previous
     * probe. Null when the batch may go; otherwise why the run yields to the worker.
     */
    private WarmSummary.StopReason redisBusy(Tally tally) {
        RedisLoad now = cache.redisLoad();
        RedisLoad earlier = tally.lastProbe;
        tally.lastProbe = now;
        if (++tally.probes == 1) return null;
        tally.pingNanos = tally.probes == 2 ? now.slowestRoundTripNanos() : 0.8 * tally.pingNanos + 0.2 * now.slowestRoundTripNanos();
        if (tally.pingNanos > settings.backoffLatency().toNanos()) return WarmSummary.StopReason.REDIS_LATENCY;
        if (now.busiestCpuShareSince(earlier) > settings.backoffCpu()) return WarmSummary.StopReason.REDIS_CPU;
        return null;
    }

    private Loaded load(Connection c, LeadRef lead) throws SQLException {
        ConversationState state = conversations.find(c, lead).orElse(null);
        ContactRecord profile = contacts.find(c, lead).orElse(null);
        boolean eligible = (profile == null || (!profile.dnd() && !profile.deleted()))
                && (state == null || (!state.optedOut() && WarmCandidatePolicy.stageFactor(state.stage()) > 0));
        // the worker caches only stored conversations (version > 0), exactly as ConversationStore does
        String conversationJson = state != null && state.version() > 0 ? write(state) : null;
        return new Loaded(lead, conversationJson, state == null ? 0 : state.version(),
                profile == null ? null : write(profile), eligible);
    }

    private <T> T readOnly(Transactor.Work<T> work) {
        return db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
            }
            return work.run(c);
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static long size(String key, String value) {
        if (value == null) return 0;
        return key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
    }

    private void record(WarmSummary s) {
        metrics.count(CacheWarmerMetrics.CONSIDERED, null, s.considered());
        metrics.count(CacheWarmerMetrics.WARMED, null, s.warmed());
        metrics.count(CacheWarmerMetrics.ALREADY_WARM, null, s.alreadyWarm());
        metrics.count(CacheWarmerMetrics.SKIPPED, null, s.skipped());
        metrics.count(CacheWarmerMetrics.RETRACTED, null, s.retracted());
        metrics.count(CacheWarmerMetrics.BYTES, null, s.bytes());
        metrics.latency(CacheWarmerMetrics.DURATION, Duration.ofMillis(s.elapsedMillis()));
        metrics.count(CacheWarmerMetrics.STOPPED, s.stoppedBy().name());
        log.info("cache warm: considered={} warmed={} alreadyWarm={} skipped={} retracted={} bytes={} elapsedMs={} stoppedBy={}",
                s.considered(), s.warmed(), s.alreadyWarm(), s.skipped(), s.retracted(), s.bytes(), s.elapsedMillis(),
                s.stoppedBy());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
