package com.jorge.platform.perf.cachewarming;

import java.util.Arrays;

/**
 * Replays a trace's reads against an online cache, with or without the warmer. At each warm run the
 * warmer walks its ranked items (leads, locations' BI keys) best first (by expected reads saved per byte),
 * up to its byte budget, and skips items whose chance is under the load threshold. Keys of those items that are cached are
 * refreshed (a use); the warmer never looks at other keys in a way that counts as a use. Absent keys
 * are loaded. It never pushes out a key hotter than the one it loads: when a load would push out a key
 * (a large key may push out several) that was read by the worker within the protection window, was
 * loaded or refreshed by this run, or is itself predicted at least as likely as the item being loaded,
 * the run stops, as the real warmer stops at the first lead that does not fit.
 */
public final class Replay {

    /**
     * @param byteBudget    the most bytes (keys and values) one run keeps warm, counting those already cached (WARMER_MAX_BYTES)
     * @param protectWindow a key the worker read this recently is hotter than anything the warmer predicts
     * @param minChance     leads the policy gives a lower chance are neither loaded nor refreshed
     */
    public record Warming(WarmSchedule schedule, long byteBudget, long protectWindow, double minChance,
                          ContactCreates contactCreates) {

        public Warming(WarmSchedule schedule, long byteBudget, long protectWindow, double minChance) {
            this(schedule, byteBudget, protectWindow, minChance, ContactCreates.NONE);
        }

        public Warming withContactCreates(ContactCreates creates) {
            return new Warming(schedule, byteBudget, protectWindow, minChance, creates);
        }
    }

    /** The warmer's extra work on Redis over the measured part: script calls (leads loaded or refreshed) and keys written. */
    public record WarmLoad(long runs, long scriptCalls, long keysLoaded, long stoppedByHotter, long hotPushedOut,
                           double measuredHours, NewLeadLoad newLeads) {
        public static final WarmLoad NONE = new WarmLoad(0, 0, 0, 0, 0, 0, NewLeadLoad.NONE);

        public WarmLoad(long runs, long scriptCalls, long keysLoaded, long stoppedByHotter, long hotPushedOut, double measuredHours) {
            this(runs, scriptCalls, keysLoaded, stoppedByHotter, hotPushedOut, measuredHours, NewLeadLoad.NONE);
        }

        public double keysLoadedPerHour() {
            return measuredHours == 0 ? 0 : keysLoaded / measuredHours;
        }

        public double scriptCallsPerHour() {
            return measuredHours == 0 ? 0 : scriptCalls / measuredHours;
        }
    }

    /**
     * The worker's ContactCreate write-through over the measured part: script calls (one per ContactCreate), keys
     * written, writes skipped because a key they would push out was hotter (read within the protection window,
     * warmed by the current warm run, or predicted by the last one at or over the threshold), and first reads of a
     * lead that hit a key its ContactCreate wrote.
     */
    public record NewLeadLoad(long calls, long keysWritten, long skippedHotter, long firstReadHits) {
        public static final NewLeadLoad NONE = new NewLeadLoad(0, 0, 0, 0);
    }

    /**
     * Why the peak window's misses missed, with warming: a key read for the first time, a BI key (the
     * ones the last run ranked at or over the threshold counted apart), or a lead key whose lead the last run ranked at or over the
     * threshold (predicted, yet not cached: budget, the hotter-key rule, or evicted since), under it, or
     * not at all (no signal in Aurora's windows).
     */
    public record PeakMisses(long first, long bi, long biPredicted, long predicted, long underThreshold, long unranked) {
        public static final PeakMisses NONE = new PeakMisses(0, 0, 0, 0, 0, 0);
    }

    public record Result(HitCount hits, WarmLoad load, PeakMisses peakMisses) {
        Result(HitCount hits, WarmLoad load) {
            this(hits, load, PeakMisses.NONE);
        }
    }

    /** A key read this recently counts as hot when a warm load pushes it out (the rule's own window). */
    static final long PUSHED_OUT_WINDOW = 30 * PlatformWorkload.MINUTE;

    /**
     * A key the run predicted is hotter than the item being loaded when the run ranks it ahead: the run's
     * order is the warmer's expected reads saved per byte (calibrated per class), the production warmer's
     * order. {@code -Dwarm.hotterByRank=false} gives the fourth round's rule, by the policy's raw score, which
     * compares scores of different classes (a lead the bot just texted scores up to 1.17 and is read within
     * the look-ahead a few % of the time, a follow-up step 0.96 and 98 %): such a key at LRU's tail stopped
     * every run of a morning, the keys warmed before it were no longer refreshed and aged out before the peak.
     */
    static final boolean HOTTER_BY_RANK = Boolean.parseBoolean(System.getProperty("warm.hotterByRank", "true"));
    /** Tuning aid ({@code -Dsim.diagnose=true}): each warm run of the 3 hours before the peak, and each peak miss, on stderr. */
    static final boolean DIAGNOSE = Boolean.getBoolean("sim.diagnose");

    private Replay() {}

    public static Result run(Trace trace, SimulatedCache cache) {
        HitCount.Counter counter = new HitCount.Counter(trace);
        int[] keys = trace.keys();
        for (int i = 0; i < keys.length; i++) counter.record(i, cache.read(keys[i]));
        return new Result(counter.result(), WarmLoad.NONE);
    }

    public static Result run(Trace trace, SimulatedCache cache, Warming warming) {
        int[] keys = trace.keys();
        int[] bytes = trace.bytes();
        long[] times = trace.times();
        if (times == null) throw new IllegalArgumentException("warming needs a timed trace (" + trace.name() + " has no times)");
        int keyCount = trace.keyCount();
        long[] lastRead = new long[keyCount];
        Arrays.fill(lastRead, Long.MIN_VALUE / 2);
        int[] touchedBy = new int[keyCount];
        Arrays.fill(touchedBy, -1);
        int[] scoredBy = new int[keyCount]; // the run that gave scoreOf[key]
        Arrays.fill(scoredBy, -1);
        float[] scoreOf = new float[keyCount];
        int[] rankOf = new int[keyCount]; // the key's item's place in run scoredBy[key]'s order
        HitCount.Counter counter = new HitCount.Counter(trace);
        WarmSchedule schedule = warming.schedule();
        long measuredFrom = trace.measureFrom() < keys.length ? times[trace.measureFrom()] : Long.MAX_VALUE;
        long runs = 0, calls = 0, loaded = 0, stopped = 0, pushedOut = 0;
        long missFirst = 0, missBi = 0, missBiPredicted = 0, missPredicted = 0, missUnder = 0, missUnranked = 0;
        boolean[] seen = new boolean[keyCount];
        int firstBiKey = 2 * schedule.leads();
        int run = 0;
        ContactCreates creates = warming.contactCreates();
        int create = 0;
        long newCalls = 0, newKeys = 0, newSkipped = 0, newFirstHits = 0;
        boolean[] writtenByCreate = new boolean[keyCount];
        for (int i = 0; i < keys.length; i++) {
            // the worker's write-through at ContactCreate (NewLeadWarming): SET NX of the lead's two keys, under the
            // warmer's rule: it never pushes out a key read within the window, warmed by the current run, or predicted
            while (create < creates.size() && creates.at()[create] <= times[i]) {
                long now = creates.at()[create];
                int lastRun = run - 1;
                boolean hotter = false;
                for (int key = creates.first()[create]; key <= creates.first()[create] + 1 && !hotter; key++) {
                    if (cache.contains(key)) continue;
                    for (int victim : cache.victimsFor(key)) {
                        if (lastRead[victim] >= now - warming.protectWindow() || (lastRun >= 0 && touchedBy[victim] == lastRun)
                                || (lastRun >= 0 && scoredBy[victim] == lastRun && scoreOf[victim] >= warming.minChance())) {
                            hotter = true;
                            break;
                        }
                    }
                    if (hotter) break;
                    cache.load(key);
                    writtenByCreate[key] = true;
                    if (now >= measuredFrom) newKeys++;
                }
                if (now >= measuredFrom) {
                    newCalls++;
                    if (hotter) newSkipped++;
                }
                create++;
            }
            while (run < schedule.runs() && schedule.runAt(run) <= times[i]) {
                long now = schedule.runAt(run);
                int[] leads = schedule.ranked(run);
                float[] chance = schedule.scores(run);
                int[][] itemKeys = new int[leads.length][];
                for (int v = 0; v < leads.length; v++) {
                    itemKeys[v] = schedule.keysOf(leads[v]);
                    for (int key : itemKeys[v]) {
                        scoredBy[key] = run;
                        scoreOf[key] = chance[v];
                        rankOf[key] = v;
                    }
                }
                long runLoads = 0, runCalls = 0, runPushedOut = 0;
                long bytesWarm = 0;
                boolean full = false;
                String why = "completed"; // for DIAGNOSE
                int refreshed = 0;
                for (int v = 0; v < leads.length && !full; v++) {
                    if (chance[v] < warming.minChance()) continue; // ordered by benefit per byte, a later item may clear it
                    for (int key : itemKeys[v]) bytesWarm += bytes[key];
                    if (bytesWarm > warming.byteBudget()) {
                        if (DIAGNOSE) why = "budget at item " + v;
                        break;
                    }
                    boolean called = false;
                    for (int key : itemKeys[v]) {
                        if (cache.contains(key)) {
                            cache.touch(key);
                            if (touchedBy[key] != run) refreshed++;
                            touchedBy[key] = run;
                            called = true;
                            continue;
                        }
                        for (int victim : cache.victimsFor(key)) {
                            boolean read = lastRead[victim] >= now - warming.protectWindow();
                            boolean ahead = scoredBy[victim] == run && (HOTTER_BY_RANK ? rankOf[victim] < v : scoreOf[victim] >= chance[v]);
                            if (touchedBy[victim] == run || read || ahead) {
                                if (DIAGNOSE) why = String.format(java.util.Locale.ROOT, "hotter at item %d (%s, %.3f): victim %s%s%s%s", v,
                                        leads[v] < 0 ? "BI" : "lead", chance[v], victim >= firstBiKey ? "BI" : "lead",
                                        touchedBy[victim] == run ? ", warmed by this run" : "",
                                        read ? ", read " + (now - lastRead[victim]) / PlatformWorkload.MINUTE + " min ago" : "",
                                        ahead ? String.format(java.util.Locale.ROOT, ", ranked %d at %.3f", rankOf[victim], scoreOf[victim]) : "");
                                full = true;
                                break;
                            }
                        }
                        if (full) break;
                        cache.load(key);
                        // the check the rule is measured by: a key the worker read within the window, pushed out
                        for (int out : cache.evictedByLastLoad()) if (lastRead[out] >= now - PUSHED_OUT_WINDOW) runPushedOut++;
                        touchedBy[key] = run;
                        runLoads++;
                        called = true;
                    }
                    if (called) runCalls++;
                }
                if (DIAGNOSE && i < trace.peakTo() && times[Math.min(trace.peakFrom(), keys.length - 1)] - now < 3 * PlatformWorkload.HOUR) {
                    System.err.printf(java.util.Locale.ROOT, "%s run at hour %.2f: %d ranked, %d loads, %d keys refreshed, %d of %d bytes, %s%n",
                            cache.getClass().getSimpleName(), (double) now / PlatformWorkload.HOUR, leads.length, runLoads, refreshed, bytesWarm,
                            warming.byteBudget(), why);
                }
                if (now >= measuredFrom) {
                    runs++;
                    calls += runCalls;
                    loaded += runLoads;
                    pushedOut += runPushedOut;
                    if (full) stopped++;
                }
                run++;
            }
            int key = keys[i];
            boolean hit = cache.read(key);
            counter.record(i, hit);
            if (hit && !seen[key] && writtenByCreate[key] && times[i] >= measuredFrom) newFirstHits++;
            if (DIAGNOSE && !hit && i >= trace.peakFrom() && i < trace.peakTo() && (seen[key] || touchedBy[key] >= 0)) {
                int rank = -1, item = key >= firstBiKey ? -1 - (key - firstBiKey) / PlatformWorkload.BI_KEYS : key / 2;
                int[] last = run > 0 ? schedule.ranked(run - 1) : new int[0];
                for (int x = 0; x < last.length && rank < 0; x++) if (last[x] == item) rank = x;
                System.err.printf(java.util.Locale.ROOT, "  peak miss at hour %.3f, %s key %d: read %.1f min before, last warmed by run %d (last run %d), ranked %d there at %.3f%n",
                        (double) times[i] / PlatformWorkload.HOUR, key >= firstBiKey ? "BI" : (key % 2 == 0 ? "conv" : "prof"), key,
                        (double) (times[i] - lastRead[key]) / PlatformWorkload.MINUTE, touchedBy[key], run - 1, rank, scoredBy[key] == run - 1 ? scoreOf[key] : -1f);
            }
            if (!hit && i >= trace.peakFrom() && i < trace.peakTo()) {
                if (!seen[key] && touchedBy[key] < 0) missFirst++;
                else if (key >= firstBiKey) {
                    missBi++;
                    if (scoredBy[key] == run - 1 && scoreOf[key] >= warming.minChance()) missBiPredicted++;
                }
                else if (scoredBy[key] != run - 1) missUnranked++;
                else if (scoreOf[key] >= warming.minChance()) missPredicted++;
                else missUnder++;
            }
            seen[key] = true;
            lastRead[key] = times[i];
        }
        double hours = keys.length == 0 || measuredFrom == Long.MAX_VALUE ? 0
                : (double) (times[keys.length - 1] - measuredFrom) / PlatformWorkload.HOUR;
        return new Result(counter.result(), new WarmLoad(runs, calls, loaded, stopped, pushedOut, hours,
                new NewLeadLoad(newCalls, newKeys, newSkipped, newFirstHits)),
                new PeakMisses(missFirst, missBi, missBiPredicted, missPredicted, missUnder, missUnranked));
    }

}
