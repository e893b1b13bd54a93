package com.jorge.platform.ghl.api;

/**
 * A GHL API call did not succeed. {@link #retryable()} tells the worker whether a later attempt may
 * (429, 5xx, timeouts, open circuit, local rate limit) or cannot (other 4xx) succeed; either way the
 * queue message is not deleted, so nothing is dropped silently. {@link #outcome()} tells whether GHL
 * may have acted on the request anyway, which decides whether a send may simply be repeated.
 */
public final class GhlApiException extends RuntimeException {

    /** What GHL did with the request, as far as the client can tell. */
    public enum Outcome {
        /** GHL cannot have acted on it: never sent (connection refused, circuit open, our rate limit) or refused (4xx, 429). */
        NOT_PROCESSED,
        /** GHL may have acted on it: a 5xx, a timeout or a broken connection after the request was written. */
        UNKNOWN
    }

    private final int status;
    private final boolean retryable;
    private final String retryAfter;
    private final Outcome outcome;
    private final boolean rateLimited;

    public GhlApiException(String message, int status, boolean retryable, Throwable cause) {
        this(message, status, retryable, null, cause);
    }

    /** {@code retryAfter}: the response's Retry-After header, or null. The outcome follows the status. */
    public GhlApiException(String message, int status, boolean retryable, String retryAfter, Throwable cause) {
        this(message, status, retryable, retryAfter, status >= 500 ? Outcome.UNKNOWN : Outcome.NOT_PROCESSED, status == 429, cause);
    }

    GhlApiException(String message, int status, boolean retryable, String retryAfter, Outcome outcome, boolean rateLimited, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.outcome = outcome;
        this.rateLimited = rateLimited;
    }

    /** A request that never left: our own rate limit or quota had no permit for it in time. */
    static GhlApiException locallyRateLimited(String message) {
        return new GhlApiException(message, 0, true, null, Outcome.NOT_PROCESSED, true, null);
    }

    /** No token could be had right now (the token store or GHL's token endpoint failed): nothing was sent. */
    public static GhlApiException tokenUnavailable(String message, Throwable cause) {
        return new GhlApiException(message, 0, true, null, Outcome.NOT_PROCESSED, false, cause);
    }

    /** No response arrived; {@code outcome} says whether the request may have reached GHL. */
    static GhlApiException noResponse(String message, Outcome outcome, Throwable cause) {
        return new GhlApiException(message, 0, true, null, outcome, false, cause);
    }

    /** GHL's Retry-After header on a 429/503, or null when it sent none. */
    public String retryAfter() {
        return retryAfter;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** A rate limit (GHL's 429 or our own per-location limiter), not an error: wait and try again. */
    public boolean rateLimited() {
        return rateLimited;
    }
}
