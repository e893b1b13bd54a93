package com.jorge.platform.inference.protocol;

/** A request the server refuses, with the HTTP status and the message for the KServe error body. */
public sealed abstract class InferenceException extends RuntimeException
        permits InferenceException.BadRequest, InferenceException.NotFound,
                InferenceException.Overloaded, InferenceException.Unavailable {

    private InferenceException(String message) {
        super(message, null, false, false);
    }

    public abstract int status();

    /** Wrong shape, type, value or syntax: the caller must change the request. */
    public static final class BadRequest extends InferenceException {
        public BadRequest(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** Unknown model, version or path. */
    public static final class NotFound extends InferenceException {
        public NotFound(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** The model's queue is full: back off for {@link #retryAfterSeconds()} and retry. */
    public static final class Overloaded extends InferenceException {
        private final int retryAfterSeconds;

        public Overloaded(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public int status() {
            return 429;
        }
    }

    /** The server or model is not ready (starting, retired, or the model failed at run time). */
    public static final class Unavailable extends InferenceException {
        public Unavailable(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 503;
        }
    }
}
