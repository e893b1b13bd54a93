package com.jorge.platform.inbox.auth;

/**
 * A request the caller may not make. {@code status} 401: no valid token (missing, forged, expired, for
 * another app, unsigned); 403: a valid caller without the right to this; 404: a thing outside the
 * caller's locations, answered as if it did not exist so that ids from other locations reveal nothing.
 * The message is safe to show: it never echoes the token or the request.
 */
public final class AccessDenied extends RuntimeException {

    private final int status;

    public AccessDenied(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static AccessDenied unauthenticated(String why) {
        return new AccessDenied(401, why);
    }

    public static AccessDenied forbidden(String why) {
        return new AccessDenied(403, why);
    }

    public static AccessDenied notFound(String what) {
        return new AccessDenied(404, what + " not found");
    }
}
