package com.jorge.platform.contactdata;

import java.util.List;
import java.util.Map;

/**
 * What an erasure removed, store by store, and what it kept.
 *
 * @param auroraRows        table to rows deleted (webhook_events: payloads emptied, keys kept for idempotency)
 * @param redisKeys         Redis keys and semantic-cache answers deleted
 * @param objects           S3 objects deleted (every version)
 * @param auditEntriesKept  the contact's audit entries, kept: ids and codes only, a legal record, hash-chained
 * @param tombstoneSeq      the sequence number of the {@code contact_erased} entry; 0 when this run found
 *                          nothing left and an earlier run already left the tombstone (idempotent)
 * @param heldByGhl         what GHL holds and the agency must erase there
 */
public record ErasureReport(String locationId, String contactId, Map<String, Integer> auroraRows, int redisKeys,
                            int objects, int auditEntriesKept, long tombstoneSeq, List<String> heldByGhl) {

    public int removed() {
        return auroraRowsRemoved() + redisKeys + objects;
    }

    public int auroraRowsRemoved() {
        return auroraRows.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The command's last line. */
    public String summary() {
        return "aurora_rows=%d redis_keys=%d objects=%d audit_entries_kept=%d tombstone_seq=%d"
                .formatted(auroraRowsRemoved(), redisKeys, objects, auditEntriesKept, tombstoneSeq);
    }
}
