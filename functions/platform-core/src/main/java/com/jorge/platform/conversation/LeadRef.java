package com.jorge.platform.conversation;

import java.util.Objects;

/** A lead as GHL identifies it: the sub-account (location) and the contact inside it. */
public record LeadRef(String locationId, String contactId) {
    public LeadRef {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(contactId, "contactId");
    }
}
