package com.jorge.platform.cachewarmer;

/**
 * What a warm prediction is about, for {@link ChanceCalibration}: a lead by its strongest signal
 * ({@link WarmCandidatePolicy#warmClass}), or a location's BI keys. Each class learns what its scores mean
 * on its own, since each over- or under-states the chance of a read in its own way.
 */
public enum WarmClass {
    FOLLOW_UP, HELD_REPLY, APPOINTMENT, AWAITING_REPLY, RECENT_INBOUND, BI;

    /** Keys one use reads: a lead's text reads its conversation and profile; a dashboard request one BI key. */
    int readsPerUse() {
        return this == BI ? 1 : 2;
    }
}
