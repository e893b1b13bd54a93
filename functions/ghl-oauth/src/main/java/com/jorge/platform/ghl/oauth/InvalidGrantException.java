package com.jorge.platform.ghl.oauth;

/** GHL refused a code or refresh token ({@code invalid_grant}): it was used already, revoked or expired. */
public final class InvalidGrantException extends RuntimeException {
    public InvalidGrantException(String message) {
        super(message);
    }
}
