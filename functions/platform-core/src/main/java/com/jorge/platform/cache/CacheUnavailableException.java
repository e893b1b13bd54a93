package com.jorge.platform.cache;

/** Redis could not answer; callers fall back to Aurora (or, at intake, to the worker's own dedup). */
public final class CacheUnavailableException extends RuntimeException {
    public CacheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
