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

    public String webhookSeen(String locationId, String webhookId) {
        return namespace + ":webhook:" + locationId + ":" + webhookId;
    }
}
