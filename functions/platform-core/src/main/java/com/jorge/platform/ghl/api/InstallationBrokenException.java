package com.jorge.platform.ghl.api;

/** GHL refused the location's refresh token ({@code invalid_grant}): the installation is broken until the app is reinstalled. */
public final class InstallationBrokenException extends GhlAuthorizationException {
    public InstallationBrokenException(String locationId) {
        super("the GHL installation of location " + locationId + " is broken (refresh refused); reinstall the app", locationId);
    }
}
