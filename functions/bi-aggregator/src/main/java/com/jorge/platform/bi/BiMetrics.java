package com.jorge.platform.bi;

/** The aggregator's EMF metric names (namespace JorgePlatform, like the rest of the platform). */
public final class BiMetrics {
    private BiMetrics() {}

    /** Location-days recomputed in a run. */
    public static final String DAYS_RECOMPUTED = "BiDaysRecomputed";
    /** Location-days whose transaction failed (old rows kept; retried next run). */
    public static final String DAYS_FAILED = "BiDaysFailed";
    /** Location-days still waiting when the run's time budget ran out. */
    public static final String DAYS_PENDING = "BiDaysPending";
    /** Leads whose milestones were refreshed because something about them changed. */
    public static final String LEADS_REFRESHED = "BiLeadsRefreshed";
    /** Locations skipped because another run held them. */
    public static final String LOCATIONS_BUSY = "BiLocationsBusy";
    /** Wall time of one run. */
    public static final String RUN_DURATION = "BiRunMs";
}
