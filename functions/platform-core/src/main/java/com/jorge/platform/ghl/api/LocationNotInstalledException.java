package com.jorge.platform.ghl.api;

/** The app is not (or no longer) installed for the location: the bots stop there. */
public final class LocationNotInstalledException extends GhlAuthorizationException {
    public LocationNotInstalledException(String locationId) {
        super("the app is not installed for GHL location " + locationId, locationId);
    }
}
