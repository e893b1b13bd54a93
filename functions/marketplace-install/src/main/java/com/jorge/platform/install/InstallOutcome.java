package com.jorge.platform.install;

import java.util.List;

/** What became of one request GHL (or an installing admin's browser) made. */
public sealed interface InstallOutcome {

    /** Tokens stored for the installation and, for an agency, the locations minted so far. */
    record Installed(String resourceId, List<String> locations) implements InstallOutcome {}

    /** Tokens deleted; {@code locations}: every location that lost its installation with it. */
    record Uninstalled(List<String> locations) implements InstallOutcome {}

    /** Authentic and well formed, nothing to do (another event type, an install already recorded). */
    record Acknowledged(String reason) implements InstallOutcome {}

    /** Refused for good: the status, a reason code and the field at fault (or null). */
    record Rejected(int status, String reason, String field, String message) implements InstallOutcome {}

    /** Authentic and well formed but not storable right now (database, GHL's token endpoint): ask again later. */
    record Unavailable(String message) implements InstallOutcome {}
}
