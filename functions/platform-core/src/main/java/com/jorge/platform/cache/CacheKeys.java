package com.jorge.platform.cache;

import com.jorge.platform.conversation.LeadRef;

/**
 * Redis key layout. A lead's keys share the hash tag {@code {locationId:contactId}}, so in cluster mode
 * they live in one slot and can be read or written together.
 */
public record CacheKeys(String namespace) {

    public String conversation(LeadRef lead) {
        return namespace + ":{" + lead.locationId() + ":" + lead.contactId() + "}:conversation";
    }

    public String profile(LeadRef lead) {
        return namespace + ":{" + lead.locationId() + ":" + lead.contactId() + "}:profile";
    }

    /** Set by a GDPR erasure: while it lives, {@link LeadCache} refuses to cache anything for the lead. */
    public String erased(LeadRef lead) {
        return namespace + ":{" + lead.locationId() + ":" + lead.contactId() + "}:erased";
    }

    /**
     * A location's BI answer ({@code view}: {@code json} or {@code page}) over {@code from..to}: key class BI.
     * The hash tag {@code {bi:locationId}} keeps a location's BI keys in one slot, apart from its leads'.
     */
    public String biReport(String locationId, String view, java.time.LocalDate from, java.time.LocalDate to) {
        return namespace + ":{bi:" + locationId + "}:report:" + view + ":" + from + ":" + to;
    }

    public String webhookSeen(String locationId, String webhookId) {
        return namespace + ":webhook:" + locationId + ":" + webhookId;
    }
}
