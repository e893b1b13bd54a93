package com.jorge.platform.storage;

/** Someone else stored a newer version first; the whole unit of work should be retried. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
