package com.jorge.platform.inbox;

/**
 * A request the inbox will not carry out, with the HTTP status, a stable error code, the field at fault
 * (a JSON path, or null) and a message safe to show: never the caller's input, never a stack trace.
 * {@link com.jorge.platform.inbox.auth.AccessDenied} covers 401/403/404; this one the rest (400, 409, 410, 503).
 */
public final class Refused extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;

    public Refused(int status, String error, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }

    public static Refused invalid(String field, String message) {
        return new Refused(400, "invalid_request", field, message);
    }
}
