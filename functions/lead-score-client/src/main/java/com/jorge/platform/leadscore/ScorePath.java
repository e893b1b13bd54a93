package com.jorge.platform.leadscore;

/** Which path answered a score: the metric the bots emit per call. */
public enum ScorePath {
    /** The inference tier answered on the first attempt. */
    REMOTE,
    /** The inference tier answered on the retry. */
    REMOTE_AFTER_RETRY,
    /** The tier failed or timed out (twice, or once when not worth retrying); scored in-process. */
    FALLBACK_AFTER_ERROR,
    /** The circuit breaker was open; scored in-process without calling the tier. */
    FALLBACK_CIRCUIT_OPEN,
    /** No tier is configured (a deployment without the GPU tier): every score is in-process by design. */
    IN_PROCESS;

    public boolean remote() {
        return this == REMOTE || this == REMOTE_AFTER_RETRY;
    }

    /** The tier was configured but did not answer: the paths an alarm watches. */
    public boolean fallback() {
        return this == FALLBACK_AFTER_ERROR || this == FALLBACK_CIRCUIT_OPEN;
    }
}
