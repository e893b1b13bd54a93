package com.jorge.platform.perf.faults;

import com.jorge.platform.perf.faults.DeliveryAudit.Fate;
import com.jorge.platform.perf.faults.DeliveryAudit.Outcome;
import com.jorge.platform.perf.faults.WebhookSender.Delivery;
import com.jorge.platform.perf.faults.WebhookSender.Origin;
import com.jorge.platform.perf.faults.WebhookSender.Webhook;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a scenario's sends, the audit's fates and the platform samples into its result: the counts of
 * the verdict line (a well-formed webhook refused with anything but 200 counts as lost), the per-phase
 * latencies, errors, queue depth, cache hit rate and inference path, and the recovery time.
 */
final class ScenarioTally {

    private static final long RECOVERED_WITHIN_NANOS = 2_000_000_000L;

    private ScenarioTally() {}

    static ScenarioResult tally(Scenario scenario, LoadShape shape, long start, long faultFrom, long removed,
                                DeliveryAudit.Findings findings, Collection<Webhook> webhooks, List<Delivery> deliveries,
                                List<PlatformSampler.Sample> samples, String note) {
        Map<String, Fate> fates = new HashMap<>();
        findings.fates().forEach(f -> fates.put(f.webhook().key(), f));
        Map<String, Integer> reasons = new TreeMap<>(findings.reasons());
        // a well-formed event refused with anything but 200 is gone: GHL retries only 429, and we retried those
        Map<String, Delivery> lastAttempt = new HashMap<>();
        Map<String, Delivery> firstAttempt = new HashMap<>();
        for (Delivery d : deliveries) {
            lastAttempt.merge(d.webhook().key(), d, (a, b) -> a.status() == 200 ? a : b.status() == 200 || b.attempt() > a.attempt() ? b : a);
            if (d.webhook().origin() != Origin.COPY) firstAttempt.merge(d.webhook().key(), d, (a, b) -> a.attempt() <= b.attempt() ? a : b);
        }
        long refused = 0;
        for (Webhook w : webhooks) {
            Delivery last = lastAttempt.get(w.key());
            if (last == null || last.status() == 200) continue;
            if (w.origin() == Origin.HOSTILE) {
                reasons.merge("hostile payload refused: " + (last.status() == -1 ? last.errorKind() : "HTTP " + last.status()), 1, Integer::sum);
            } else {
                refused++;
                reasons.merge("lost: well-formed webhook refused, " + last.errorKind(), 1, Integer::sum);
            }
        }
        long lost = findings.count(Outcome.LOST) + refused;
        long duplicated = findings.count(Outcome.DUPLICATED) + findings.unattributedSms();

        List<PhaseStats> phases = new ArrayList<>();
        List<ScenarioResult.Point> points = new ArrayList<>();
        for (int p = 0; p < shape.phases().size(); p++) {
            LoadShape.Phase phase = shape.phases().get(p);
            Histogram ack = PhaseStats.histogram();
            Histogram reply = PhaseStats.histogram();
            Map<String, Integer> errors = new TreeMap<>();
            int sent = 0;
            int accepted = 0;
            for (Webhook w : webhooks) {
                if (w.phase() != p) continue;
                sent++;
                Delivery first = firstAttempt.get(w.key());
                Fate fate = fates.get(w.key());
                if (fate != null) accepted++;
                if (w.origin() != Origin.LOAD) continue;
                double ackMs = Double.NaN;
                double replyMs = Double.NaN;
                if (first != null && first.status() != -1) {
                    ack.recordValue(Math.max(0, first.ackNanos()));
                    ackMs = first.ackNanos() / 1e6;
                }
                if (fate != null && fate.replyAt() != null) {
                    long nanos = Math.max(0, Duration.between(w.dueAt(), fate.replyAt()).toNanos());
                    reply.recordValue(nanos);
                    replyMs = nanos / 1e6;
                }
                points.add(new ScenarioResult.Point((w.dueNanos() - start) / 1e9, ackMs, replyMs,
                        fate == null ? Outcome.LOST : fate.outcome()));
            }
            for (Delivery d : deliveries) {
                if (d.webhook().phase() == p && d.status() != 200) {
                    errors.merge((d.webhook().origin() == Origin.HOSTILE ? "hostile " : "") + d.errorKind(), 1, Integer::sum);
                }
            }
            long from = start + shape.phaseStartNanos(p);
            long to = from + (long) (phase.seconds() * 1e9);
            long maxDepth = -1;
            double maxAge = 0;
            PlatformSampler.Sample first = null;
            PlatformSampler.Sample last = null;
            for (PlatformSampler.Sample s : samples) {
                if (s.atNanos() < from || s.atNanos() >= to) continue;
                if (first == null) first = s;
                last = s;
                maxDepth = Math.max(maxDepth, s.queueDepth());
                maxAge = Math.max(maxAge, s.outboxOldestSeconds());
            }
            String hitRate = "-";
            Map<String, Long> paths = new TreeMap<>();
            if (first != null && last != null) {
                long hits = delta(first, last, "CacheHits");
                long misses = delta(first, last, "CacheMisses");
                if (hits + misses > 0) hitRate = String.format("%.0f%%", 100.0 * hits / (hits + misses));
                for (String k : last.counters().keySet()) {
                    if (k.startsWith("LeadScores[")) paths.put(k.substring(11, k.length() - 1), delta(first, last, k));
                }
            }
            double repliesPerSecond = reply.getTotalCount() / phase.seconds();
            phases.add(new PhaseStats(phase.name(), phase.seconds(), sent, accepted, ack, reply, repliesPerSecond, errors,
                    maxDepth, maxAge, hitRate, paths));
        }
        long recovery = recoverySeconds(points, (removed - start) / 1e9);
        List<double[]> depth = new ArrayList<>();
        for (PlatformSampler.Sample s : samples) depth.add(new double[] {(s.atNanos() - start) / 1e9, s.queueDepth(), s.outboxPending()});
        int accepted = findings.fates().size();
        return new ScenarioResult(scenario, accepted, findings.count(Outcome.ANSWERED_ONCE), findings.count(Outcome.SILENT_BY_DECISION),
                duplicated, lost, findings.count(Outcome.DLQ), recovery, reasons, phases, points,
                (faultFrom - start) / 1e9, (removed - start) / 1e9, depth, note);
    }

    private static long delta(PlatformSampler.Sample first, PlatformSampler.Sample last, String key) {
        return last.counters().getOrDefault(key, 0L) - first.counters().getOrDefault(key, 0L);
    }

    /** Whole seconds from the removal until every later load webhook was answered within 2 s or silent by decision. */
    static long recoverySeconds(List<ScenarioResult.Point> points, double removedAt) {
        Map<Long, Boolean> goodBySecond = new LinkedHashMap<>();
        long lastSecond = -1;
        for (ScenarioResult.Point p : points) {
            if (p.at() < removedAt) continue;
            long second = (long) Math.floor(p.at() - removedAt);
            boolean good = p.outcome() == Outcome.SILENT_BY_DECISION
                    || (p.outcome() == Outcome.ANSWERED_ONCE && p.replyMs() * 1e6 < RECOVERED_WITHIN_NANOS);
            goodBySecond.merge(second, good, Boolean::logicalAnd);
            lastSecond = Math.max(lastSecond, second);
        }
        if (lastSecond < 0) return -1;
        long recovered = -1;
        for (long s = lastSecond; s >= 0; s--) {
            Boolean good = goodBySecond.get(s);
            if (good == null) continue;
            if (!good) break;
            recovered = s;
        }
        return recovered;
    }
}
