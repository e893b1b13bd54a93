package com.jorge.platform.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One entry of a location's audit chain as stored: who ({@code actor}, {@code actorId}) did what
 * ({@code action}) to which lead and why ({@code reason}). {@code detail} is the JSON exactly as
 * PostgreSQL renders the stored jsonb: the hash covers those bytes, so the export keeps them verbatim.
 */
public record AuditEntry(String locationId, long seq, String contactId, String actor, String actorId, String action,
                         String reason, String detail, Instant at, String prevHash, String hash) {

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The bytes the chain hashes after the predecessor's hash: the same as audit_entry_hash() in V60. */
    public String canonical() {
        return "v1" + field(locationId) + field(Long.toString(seq)) + field(contactId) + field(actor) + field(actorId)
                + field(action) + field(reason) + field(detail) + field(MICROS.format(at));
    }

    private static String field(String v) {
        return v == null ? "-" : v.getBytes(StandardCharsets.UTF_8).length + ":" + v;
    }
}
