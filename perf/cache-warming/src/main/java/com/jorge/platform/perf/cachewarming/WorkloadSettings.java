package com.jorge.platform.perf.cachewarming;

/**
 * The platform workload's scale and seed; every other parameter is a documented constant of
 * {@link PlatformWorkload} (perf/cache-warming/README.md lists them all).
 *
 * @param warmUpDays days generated before the measured ones: the caches fill and the leads of the
 *                   previous week are still talking, as in a running platform
 */
public record WorkloadSettings(long seed, int locations, int leads, int warmUpDays, int measuredDays) {

    public WorkloadSettings {
        if (locations < 1 || leads < 1 || warmUpDays < 0 || measuredDays < 1)
            throw new IllegalArgumentException("workload needs locations, leads and measured days (was " + this + ")");
    }

    /** Hundreds of locations, tens of thousands of leads: a week measured after a week of history. */
    public static WorkloadSettings standard(long seed) {
        return new WorkloadSettings(seed, 300, 40_000, 7, 7);
    }

    /** The same shape at a fifth of the scale. */
    public static WorkloadSettings quick(long seed) {
        return new WorkloadSettings(seed, 60, 8_000, 7, 7);
    }

    public int days() {
        return warmUpDays + measuredDays;
    }
}
