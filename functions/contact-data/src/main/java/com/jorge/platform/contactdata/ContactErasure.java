package com.jorge.platform.contactdata;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Erases a contact everywhere the platform holds it, leaving a tombstone ({@code contact_erased}) in
 * the audit log. Idempotent: a second run removes what is left (nothing, normally) and adds no second
 * tombstone. Safe while the lead is mid-conversation:
 * <ol>
 *   <li>the lead's erased marker in Redis first: from then on the worker's cache takes no copy of the lead
 *       (a write-through of state loaded before the erasure is refused, however late it comes);</li>
 *   <li>Aurora, in one transaction: the conversation row goes, so a worker that loaded the old
 *       state cannot store a decision built on it (its versioned update finds no row, rolls back and
 *       starts again from nothing);</li>
 *   <li>then Redis, twice, {@code settle} apart: a worker that committed just before the erasure may put
 *       its copy back into the cache after the first pass; the second removes it;</li>
 *   <li>then S3; then the tombstone, with the counts.</li>
 * </ol>
 * The contact's earlier audit entries stay: they hold ids and codes, never a name, phone, e-mail or
 * text, and the hash chain (and its 7-year Object Lock archive) cannot lose an entry without showing it.
 */
public final class ContactErasure {

    private final ContactStores stores;
    private final AuroraContactRows rows = new AuroraContactRows(PlatformJson.mapper());
    private final Duration settle;

    public ContactErasure(ContactStores stores, Duration settle) {
        this.stores = stores;
        this.settle = settle;
    }

    public ErasureReport erase(LeadRef lead, Requester requester) {
        if (stores.redis() != null) stores.redis().markErased(lead);
        Map<String, Integer> aurora = stores.db().inTransaction(c -> rows.erase(c, lead));
        int redisKeys = eraseRedis(lead);
        int objects = stores.objects().erase(lead);
        int removedElsewhere = redisKeys + objects + aurora.values().stream().mapToInt(Integer::intValue).sum();
        return stores.db().inTransaction(c -> {
            int kept = count(c, lead, "SELECT count(*) FROM audit_log WHERE location_id = ? AND contact_id = ?");
            boolean tombstoned = count(c, lead, "SELECT count(*) FROM audit_log WHERE location_id = ? AND contact_id = ?"
                    + " AND action = 'contact_erased'") > 0;
            long seq = 0;
            if (!tombstoned || removedElsewhere > 0) {
                Map<String, Object> detail = new LinkedHashMap<>(aurora);
                detail.put("redisKeys", redisKeys);
                detail.put("objects", objects);
                stores.audit().record(c, lead.locationId(), lead.contactId(), requester.actor(), requester.actorId(),
                        "contact_erased", requester.reason(), detail);
                seq = lastSeq(c, lead.locationId());
            }
            return new ErasureReport(lead.locationId(), lead.contactId(), aurora, redisKeys, objects, kept, seq, HeldByGhl.DATA);
        });
    }

    private int eraseRedis(LeadRef lead) {
        if (stores.redis() == null) return 0;
        int erased = stores.redis().erase(lead);
        pause();
        return erased + stores.redis().erase(lead);
    }

    private void pause() {
        try {
            Thread.sleep(settle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between the two Redis passes; run the erasure again", e);
        }
    }

    private static int count(Connection c, LeadRef lead, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long lastSeq(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM audit_log WHERE location_id = ?")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
