package com.jorge.platform.perf.cachewarming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's entry point (perf/cache-warming/run.sh): replays the platform workload, or a trace
 * file, against every policy at several cache sizes, prints a table and the warmer's extra Redis load,
 * writes the hit-rate curve as SVG, and ends with one {@code policy=... hitRate=... peakHitRate=...}
 * line per policy at the headline size.
 *
 * <pre>CacheWarmingSimulation [--quick] [--trace FILE] [--seed N] [--out DIR]</pre>
 */
public final class CacheWarmingSimulation {

    /** Cache sizes as shares of the bytes of the distinct keys read in the measured part; the headline is 10 %. */
    static final double[] SIZE_SHARES = {0.01, 0.02, 0.05, 0.10, 0.20, 0.40};
    static final double HEADLINE_SHARE = 0.10;
    /**
     * The warmer may keep at most this share of the cache warm per run, in bytes: 0.5 until the morning
     * peak's leads and BI keys did not fit (key-count sizes, seed 18), 0.75 then; 0.85 with byte sizes,
     * where BI rollups weigh five times a lead (0.75, 0.85, 0.9 tried on tuning seeds 18 and 7).
     */
    static final double WARM_SHARE = Double.parseDouble(System.getProperty("warm.share", "0.85"));
    /** A key the worker read within the last 30 minutes (the warmer's horizon) is never pushed out by a load. */
    static final long PROTECT_WINDOW = 30 * PlatformWorkload.MINUTE;
    /**
     * W-TinyLFU + warming: the share of the size given to the warmer's own partition
     * ({@link WarmPartitionedCache}), where warmed keys stay while read; Caffeine gets the rest. The
     * warmer's budget itself, so the partition holds what one run may keep warm (0.5 with a partition
     * that handed read keys to Caffeine, before this round).
     */
    static final double WARM_PARTITION_SHARE = Double.parseDouble(System.getProperty("warm.partitionShare", String.valueOf(WARM_SHARE)));
    /** The warmer starts a day before the measured week, as it would in a running platform. */
    static final long WARM_FROM_BEFORE_MEASURE = PlatformWorkload.DAY;

    /**
     * Items whose chance is lower are neither loaded nor refreshed: the production warmer's default
     * threshold on the calibrated chance, WARMER_MIN_CALIBRATED_CHANCE_PERCENT (0.3; the threshold on the raw
     * score, WARMER_MIN_CHANCE_PERCENT, was 0.5, tuned on seed 18 only).
     */
    static final double MIN_CHANCE = Double.parseDouble(System.getProperty("warm.minChance",
            String.valueOf(com.jorge.platform.cachewarmer.CacheWarmerSettings.defaults().minCalibratedChance())));

    /** The five policies the last lines report; other rows (the bound) are in the table and the chart only. */
    static final java.util.Set<String> POLICIES = java.util.Set.of("lru", "wtinylfu", "lru+warming", "wtinylfu+warming", "belady");
    static final String BOUND = "belady-bound";

    record Row(String policy, long size, HitCount hits, Replay.WarmLoad load, Replay.PeakMisses peakMisses) {
        Row(String policy, long size, HitCount hits, Replay.WarmLoad load) {
            this(policy, size, hits, load, Replay.PeakMisses.NONE);
        }
    }

    public static void main(String[] args) throws IOException {
        boolean quick = false;
        Path trace = null, out = Path.of("perf/cache-warming/target/results");
        long seed = 18;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--trace" -> trace = Path.of(value(args, ++i, "--trace"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (usage: [--quick] [--trace FILE] [--seed N] [--out DIR])");
            }
        }
        Files.createDirectories(out);
        if (trace != null) {
            Trace replayed = CacheTraceFile.read(trace);
            report(replayed, replayed.name(), traceFile(replayed), out);
        } else {
            WorkloadSettings settings = quick ? WorkloadSettings.quick(seed) : WorkloadSettings.standard(seed);
            long started = System.nanoTime();
            PlatformWorkload.Generated workload = PlatformWorkload.generate(settings);
            System.out.printf(Locale.ROOT, "workload generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
            report(workload.trace(), quick ? "platform-quick" : "platform", platform(settings, workload), out);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }

    static List<Row> traceFile(Trace trace) {
        System.out.printf(Locale.ROOT, "trace %s: %,d reads, %,d distinct keys; peak: %s%n",
                trace.name(), trace.size(), trace.keyCount(), trace.peakLabel());
        List<Row> rows = new ArrayList<>();
        for (long size : sizes(trace.measuredBytes())) {
            rows.add(new Row("lru", size, Replay.run(trace, new LruCache(size, trace.bytes())).hits(), Replay.WarmLoad.NONE));
            rows.add(new Row("wtinylfu", size, Replay.run(trace, new CaffeineCache(size, trace.bytes())).hits(), Replay.WarmLoad.NONE));
            rows.add(new Row("belady", size, Belady.run(trace, size), Replay.WarmLoad.NONE));
            rows.add(new Row(BOUND, size, Belady.upperBound(trace, size), Replay.WarmLoad.NONE));
            printRows(rows.subList(rows.size() - 4, rows.size()));
        }
        return rows;
    }

    static List<Row> platform(WorkloadSettings settings, PlatformWorkload.Generated workload) {
        Trace trace = workload.trace();
        int distinct = trace.measuredKeyCount();
        long distinctBytes = trace.measuredBytes();
        double measuredHours = settings.measuredDays() * 24.0;
        System.out.printf(Locale.ROOT, "workload %s: %,d locations, %,d leads, %,d reads (%,d measured over %d days, %.0f/h on average), "
                        + "%,d keys (%,d read in the measured days, %,d bytes); peak: %s%n",
                settings, workload.locations(), workload.leads(), trace.size(), trace.size() - trace.measureFrom(),
                settings.measuredDays(), (trace.size() - trace.measureFrom()) / measuredHours, trace.keyCount(), distinct,
                distinctBytes, trace.peakLabel());
        long[] sizes = sizes(distinctBytes);
        // items per run kept: at most as many as the largest budget holds of the smallest item (a lead's two keys)
        int maxBudget = (int) (byteBudget(sizes[sizes.length - 1]) / (PlatformWorkload.CONVERSATION_BYTES + PlatformWorkload.PROFILE_BYTES)) + 1;
        long started = System.nanoTime();
        long warmFrom = Math.max(0, workload.measuredFrom() - WARM_FROM_BEFORE_MEASURE);
        WarmSchedule schedule = WarmSchedule.plan(workload, warmFrom, maxBudget);
        System.out.printf(Locale.ROOT, "warm schedule: %d runs ranked by WarmCandidatePolicy in %.1f s%n",
                schedule.runs(), (System.nanoTime() - started) / 1e9);
        System.out.print("chance given -> share read within the look-ahead (ChanceCalibration), bucket:predictions/rate\n" + schedule.calibration());
        ContactCreates creates = workload.contactCreates().atShare(ContactCreates.SHARE);
        System.out.printf(Locale.ROOT, "ContactCreate before a new lead's first text (an assumption, ContactCreates): share %.2f of new leads, "
                        + "welcome text %d s..%d min then the workload's answer delay, keys written with a %d-minute TTL, %.1f never-texting "
                        + "contacts per such lead: %,d write-throughs over the span%n",
                creates.share(), ContactCreates.WELCOME_MIN / PlatformWorkload.SECOND, ContactCreates.WELCOME_MAX / PlatformWorkload.MINUTE,
                ContactCreates.TTL / PlatformWorkload.MINUTE, ContactCreates.NEVER_TEXT_PER_LEAD, creates.size());
        List<Row> rows = new ArrayList<>();
        int[] bytes = trace.bytes();
        for (long size : sizes) {
            Replay.Warming warming = new Replay.Warming(schedule, byteBudget(size), PROTECT_WINDOW, MIN_CHANCE).withContactCreates(creates);
            rows.add(new Row("lru", size, Replay.run(trace, new LruCache(size, bytes)).hits(), Replay.WarmLoad.NONE));
            rows.add(new Row("wtinylfu", size, Replay.run(trace, new CaffeineCache(size, bytes)).hits(), Replay.WarmLoad.NONE));
            Replay.Result lruWarm = lruWarming(trace, size, warming);
            rows.add(new Row("lru+warming", size, lruWarm.hits(), lruWarm.load(), lruWarm.peakMisses()));
            Replay.Result tinyWarm = tinyLfuWarming(trace, size, warming);
            rows.add(new Row("wtinylfu+warming", size, tinyWarm.hits(), tinyWarm.load(), tinyWarm.peakMisses()));
            rows.add(new Row("belady", size, Belady.run(trace, size), Replay.WarmLoad.NONE));
            rows.add(new Row(BOUND, size, Belady.upperBound(trace, size), Replay.WarmLoad.NONE));
            printRows(rows.subList(rows.size() - 6, rows.size()));
        }
        sensitivity(trace, workload, schedule, rows, creates.share());
        return rows;
    }

    private static Replay.Result lruWarming(Trace trace, long size, Replay.Warming warming) {
        return Replay.run(trace, new LruCache(size, trace.bytes()), warming);
    }

    private static Replay.Result tinyLfuWarming(Trace trace, long size, Replay.Warming warming) {
        long partition = Math.max(1, (long) (size * WARM_PARTITION_SHARE));
        return Replay.run(trace, new WarmPartitionedCache(new CaffeineCache(Math.max(1, size - partition), trace.bytes()), partition,
                trace.bytes()), warming);
    }

    /**
     * The share of new leads created in GHL before their first text is an assumption (ContactCreates): the warmed
     * policies at the headline size with none of them, the assumed share, and all of them, so the effect is read as
     * a range, not a result. The plain policies and Belady do not depend on it (the same reads).
     */
    private static void sensitivity(Trace trace, PlatformWorkload.Generated workload, WarmSchedule schedule, List<Row> rows, double share) {
        long headline = Math.max(1, Math.round(trace.measuredBytes() * HEADLINE_SHARE));
        if (rows.stream().noneMatch(r -> r.size() == headline)) return;
        Replay.Warming warming = new Replay.Warming(schedule, byteBudget(headline), PROTECT_WINDOW, MIN_CHANCE);
        for (double s : new double[] {0, share, 1}) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "contactCreate sensitivity share=%.2f%s:", s,
                    s == share ? " (assumed)" : ""));
            for (String policy : List.of("lru+warming", "wtinylfu+warming")) {
                Replay.Result r;
                if (s == share) {
                    Row row = rows.stream().filter(x -> x.size() == headline && x.policy().equals(policy)).findFirst().orElseThrow();
                    r = new Replay.Result(row.hits(), row.load(), row.peakMisses());
                } else {
                    Replay.Warming w = warming.withContactCreates(workload.contactCreates().atShare(s));
                    r = policy.startsWith("lru") ? lruWarming(trace, headline, w) : tinyLfuWarming(trace, headline, w);
                }
                line.append(String.format(Locale.ROOT, " %s hitRate=%.4f peakHitRate=%.4f (peak first-read misses %d; %,.0f write-through calls/h, "
                                + "%,.0f keys/h, %d skipped for a hotter key, %,d first reads hit)",
                        policy, r.hits().hitRate(), r.hits().peakHitRate(), r.peakMisses().first(),
                        r.load().newLeads().calls() / r.load().measuredHours(), r.load().newLeads().keysWritten() / r.load().measuredHours(),
                        r.load().newLeads().skippedHotter(), r.load().newLeads().firstReadHits()));
                line.append(policy.startsWith("lru") ? ";" : "");
            }
            System.out.println(line);
        }
    }

    /** The most bytes a run keeps warm at this cache size; items (a lead's 2 keys, a location's 5 BI keys) count whole. */
    static long byteBudget(long size) {
        return Math.max(1, (long) (size * WARM_SHARE));
    }

    /** Cache sizes in bytes (in keys for a trace file, whose keys weigh 1). */
    static long[] sizes(long distinctBytes) {
        if (Boolean.getBoolean("sim.headlineOnly")) return new long[] {Math.max(1, Math.round(distinctBytes * HEADLINE_SHARE))}; // tuning trials
        long[] sizes = new long[SIZE_SHARES.length];
        for (int i = 0; i < sizes.length; i++) sizes[i] = Math.max(1, Math.round(distinctBytes * SIZE_SHARES[i]));
        return sizes;
    }

    private static void printRows(List<Row> rows) {
        for (Row r : rows) {
            String load = r.load().runs() == 0 ? "" : String.format(Locale.ROOT,
                    "  warmer: %,.0f keys loaded/h, %,.0f script calls/h, %d of %d runs stopped at a hotter key, "
                            + "%,d keys read within 30 min pushed out by its loads",
                    r.load().keysLoadedPerHour(), r.load().scriptCallsPerHour(), r.load().stoppedByHotter(), r.load().runs(),
                    r.load().hotPushedOut())
                    + String.format(Locale.ROOT, "; ContactCreate write-through: %,.0f calls/h, %,.0f keys/h, %d skipped for a hotter key, %,d first reads hit",
                    r.load().newLeads().calls() / r.load().measuredHours(), r.load().newLeads().keysWritten() / r.load().measuredHours(),
                    r.load().newLeads().skippedHotter(), r.load().newLeads().firstReadHits())
                    + String.format(Locale.ROOT, "; peak misses: %d first reads, %d BI (%d of them predicted), %d predicted lead keys, %d under the threshold, %d unranked",
                    r.peakMisses().first(), r.peakMisses().bi(), r.peakMisses().biPredicted(), r.peakMisses().predicted(), r.peakMisses().underThreshold(),
                    r.peakMisses().unranked());
            System.out.printf(Locale.ROOT, "size=%-10d %-27s hitRate=%.4f peakHitRate=%.4f%s%n",
                    r.size(), r.policy(), r.hits().hitRate(), r.hits().peakHitRate(), load);
        }
    }

    static void report(Trace trace, String name, List<Row> rows, Path out) throws IOException {
        long[] sizes = rows.stream().mapToLong(Row::size).distinct().sorted().toArray();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] curve = curves.computeIfAbsent(r.policy(), p -> new double[sizes.length]);
            curve[java.util.Arrays.binarySearch(sizes, r.size())] = r.hits().hitRate();
        }
        Path svg = out.resolve(name + "-hit-rate.svg");
        Files.writeString(svg, HitRateChart.svg("hit rate against cache size: " + name, sizes, trace.times() != null, curves));
        long headline = Math.max(1, Math.round(trace.measuredBytes() * HEADLINE_SHARE)); // one of sizes()
        double[] firstReads = trace.firstReadShares();
        System.out.printf(Locale.ROOT, "first reads of a key (misses for any demand cache): %.4f of the measured reads, %.4f at peak%n",
                firstReads[0], firstReads[1]);
        List<Row> atHeadline = rows.stream().filter(r -> r.size() == headline).toList();
        Row belady = atHeadline.stream().filter(r -> r.policy().equals("belady")).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "chart: %s%nheadline size: %,d bytes (%.0f %% of the bytes of the keys the measured part reads; "
                        + "a trace file's keys weigh 1 each); belady is Belady-Size (a lower bound on the optimum at this byte size), "
                        + "belady-bound the PFOO-L relaxation (an upper bound on it)%n",
                svg, headline, HEADLINE_SHARE * 100);
        for (Row r : atHeadline) {
            if (r.load().runs() > 0) {
                double demandPerHour = r.hits().reads() / r.load().measuredHours();
                double newLeadCalls = r.load().newLeads().calls() / r.load().measuredHours();
                System.out.printf(Locale.ROOT, "%s: %.1f points below belady at peak; the warmer adds %,.0f keys loaded/h and %,.0f script "
                                + "calls/h to the %,.0f demand reads/h (%.2f calls per read); the ContactCreate write-through %,.0f keys/h "
                                + "in %,.0f script calls/h (%.3f calls per read)%n",
                        r.policy(), 100 * (belady.hits().peakHitRate() - r.hits().peakHitRate()),
                        r.load().keysLoadedPerHour(), r.load().scriptCallsPerHour(), demandPerHour,
                        r.load().scriptCallsPerHour() / demandPerHour, r.load().newLeads().keysWritten() / r.load().measuredHours(),
                        newLeadCalls, newLeadCalls / demandPerHour);
            }
        }
        for (Row r : atHeadline) {
            if (!POLICIES.contains(r.policy())) continue;
            System.out.printf(Locale.ROOT, "policy=%s hitRate=%.4f peakHitRate=%.4f%n", r.policy(), r.hits().hitRate(), r.hits().peakHitRate());
        }
    }
}
