package com.jorge.platform.storage;

/** The database could not do what was asked; the caller's unit of work did not happen. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
