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

    public String webhookSeen(String locationId, String webhookId) {
        return namespace + ":webhook:" + locationId + ":" + webhookId;
    }
}
