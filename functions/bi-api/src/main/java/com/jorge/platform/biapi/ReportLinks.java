package com.jorge.platform.biapi;

import java.time.Instant;
import java.util.Optional;

/**
 * Short-lived links to a location's newest daily report page, for a phone that cannot send a bearer token:
 * whoever holds the link reads that one page until it expires, and nothing else.
 */
public interface ReportLinks {

    /** No daily report bucket configured: there is nothing to link to. */
    ReportLinks NONE = locationId -> Optional.empty();

    /** A link to the location's latest page, or empty when none has been published (or none is configured). */
    Optional<Link> latest(String locationId);

    record Link(String url, Instant expiresAt) {}
}
