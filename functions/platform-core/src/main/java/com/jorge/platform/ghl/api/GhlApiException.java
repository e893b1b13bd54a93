package com.jorge.platform.ghl.api;

/**
 * A GHL API call did not succeed. {@link #retryable()} tells the worker whether a later attempt may
 * (429, 5xx, timeouts, open circuit, local rate limit) or cannot (other 4xx) succeed; either way the
 * queue message is not deleted, so nothing is dropped silently.
 */
public final class GhlApiException extends RuntimeException {
    private final int status;
    private final boolean retryable;

    public GhlApiException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
