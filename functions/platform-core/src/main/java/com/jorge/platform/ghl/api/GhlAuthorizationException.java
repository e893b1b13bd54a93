package com.jorge.platform.ghl.api;

/**
 * The platform holds no usable GHL token for a location: nothing can be sent there until someone acts
 * (reinstall the app). Not a GHL outage: retrying on a schedule does not help, so the outbox holds
 * that location's replies (never drops them) and releases them after a reinstall. The message names
 * the location only, never a token.
 */
public abstract sealed class GhlAuthorizationException extends RuntimeException
        permits InstallationBrokenException, LocationNotInstalledException {

    private final String locationId;

    GhlAuthorizationException(String message, String locationId) {
        super(message);
        this.locationId = locationId;
    }

    public String locationId() {
        return locationId;
    }
}
