package com.jorge.platform.perf.cachewarming;

import java.util.Arrays;

/**
 * Replays a trace's reads against an online cache, with or without the warmer. At each warm run the
 * warmer walks its ranked leads best first, up to its lead budget: a lead's cached keys are touched
 * (its script reads them), absent ones are loaded. It never pushes out a key hotter than the one it
 * loads: when the cache is full and the key next in line for eviction was read by the worker within the
 * protection window, or was touched by this run (a higher-ranked lead), the run stops, as the real
 * warmer stops at the first lead that does not fit.
 */
public final class Replay {

    /**
     * @param leadBudget    the most leads one run visits (WARMER_MAX_LEADS for this cache size)
     * @param protectWindow a key the worker read this recently is hotter than anything the warmer predicts
     */
    public record Warming(WarmSchedule schedule, int leadBudget, long protectWindow) {}

    /** The warmer's extra work on Redis over the measured part: script calls (one per lead) and keys written. */
    public record WarmLoad(long runs, long leadsVisited, long keysLoaded, long stoppedByHotter, double measuredHours) {
        public static final WarmLoad NONE = new WarmLoad(0, 0, 0, 0, 0);

        public double keysLoadedPerHour() {
            return measuredHours == 0 ? 0 : keysLoaded / measuredHours;
        }

        public double scriptCallsPerHour() {
            return measuredHours == 0 ? 0 : leadsVisited / measuredHours;
        }
    }

    public record Result(HitCount hits, WarmLoad load) {}

    private Replay() {}

    public static Result run(Trace trace, SimulatedCache cache) {
        HitCount.Counter counter = new HitCount.Counter(trace);
        int[] keys = trace.keys();
        for (int i = 0; i < keys.length; i++) counter.record(i, cache.read(keys[i]));
        return new Result(counter.result(), WarmLoad.NONE);
    }

    public static Result run(Trace trace, SimulatedCache cache, Warming warming) {
        int[] keys = trace.keys();
        long[] times = trace.times();
        if (times == null) throw new IllegalArgumentException("warming needs a timed trace (" + trace.name() + " has no times)");
        long[] lastRead = new long[trace.keyCount()];
        Arrays.fill(lastRead, Long.MIN_VALUE / 2);
        int[] touchedBy = new int[trace.keyCount()];
        Arrays.fill(touchedBy, -1);
        HitCount.Counter counter = new HitCount.Counter(trace);
        WarmSchedule schedule = warming.schedule();
        long measuredFrom = trace.measureFrom() < keys.length ? times[trace.measureFrom()] : Long.MAX_VALUE;
        long runs = 0, visited = 0, loaded = 0, stopped = 0;
        int run = 0;
        for (int i = 0; i < keys.length; i++) {
            while (run < schedule.runs() && schedule.runAt(run) <= times[i]) {
                long now = schedule.runAt(run);
                long before = loaded;
                int[] leads = schedule.ranked(run);
                int limit = Math.min(leads.length, warming.leadBudget());
                int v = 0;
                boolean full = false;
                for (; v < limit && !full; v++) {
                    for (int key : new int[] {PlatformWorkload.Generated.conversationKey(leads[v]),
                            PlatformWorkload.Generated.profileKey(leads[v])}) {
                        if (cache.touch(key)) {
                            touchedBy[key] = run;
                            continue;
                        }
                        if (cache.isFull()) {
                            int victim = cache.coldest();
                            if (victim >= 0 && (touchedBy[victim] == run || lastRead[victim] >= now - warming.protectWindow())) {
                                full = true;
                                break;
                            }
                        }
                        cache.load(key);
                        touchedBy[key] = run;
                        loaded++;
                    }
                }
                if (now >= measuredFrom) {
                    runs++;
                    visited += v;
                    if (full) stopped++;
                } else {
                    loaded = before;
                }
                run++;
            }
            int key = keys[i];
            counter.record(i, cache.read(key));
            lastRead[key] = times[i];
        }
        double hours = keys.length == 0 || measuredFrom == Long.MAX_VALUE ? 0
                : (double) (times[keys.length - 1] - measuredFrom) / PlatformWorkload.HOUR;
        return new Result(counter.result(), new WarmLoad(runs, visited, loaded, stopped, hours));
    }
}
