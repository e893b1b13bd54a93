package com.jorge.platform.ghl.api;

/**
 * A GHL API call did not succeed. {@link #retryable()} tells the worker whether a later attempt may
 * (429, 5xx, timeouts, open circuit, local rate limit) or cannot (other 4xx) succeed; either way the
 * queue message is not deleted, so nothing is dropped silently.
 */
public final class GhlApiException extends RuntimeException {
    private final int status;
    private final boolean retryable;
    private final String retryAfter;

    public GhlApiException(String message, int status, boolean retryable, Throwable cause) {
        this(message, status, retryable, null, cause);
    }

    /** {@code retryAfter}: the response's Retry-After header, or null. */
    public GhlApiException(String message, int status, boolean retryable, String retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
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
}
