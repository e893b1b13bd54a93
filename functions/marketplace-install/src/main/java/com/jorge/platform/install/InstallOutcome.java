package com.jorge.platform.install;

import java.util.List;

/** What became of one request GHL (or an installing admin's browser) made. */
public sealed interface InstallOutcome {

    /** Tokens stored for the installation and, for an agency, the locations minted so far. */
    record Installed(String resourceId, List<String> locations) implements InstallOutcome {}

    /** Tokens deleted; {@code locations}: every location that lost its installation with it. */
    record Uninstalled(List<String> locations) implements InstallOutcome {}

    /**
     * Authentic, and not an app event: a lead event of an installed location. GHL sends every event of an
     * app to its one webhook URL, so this one is the intake's to accept (the handler hands it over).
     */
    record LeadEvent(String type) implements InstallOutcome {}

    /** Authentic and well formed, nothing to do (an install already recorded, an agency install's webhook). */
    record Acknowledged(String reason) implements InstallOutcome {}

    /** Refused for good: the status, a reason code and the field at fault (or null). */
    record Rejected(int status, String reason, String field, String message) implements InstallOutcome {}

    /** Authentic and well formed but not storable right now (database, GHL's token endpoint): ask again later. */
    record Unavailable(String message) implements InstallOutcome {}

    /**
     * Over a rate limit of the app's webhook URL ({@code scope} {@code client}: the sender's address, before the
     * signature is checked; {@code location}: the location or agency an INSTALL / UNINSTALL names): ask again in
     * {@code retryAfterSeconds}. Nothing was read or stored, so GHL's retry is applied as if it came first.
     */
    record Limited(String scope, long retryAfterSeconds) implements InstallOutcome {}
}
