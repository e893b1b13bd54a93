package com.jorge.platform.inbox.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the token's subject and role, and the locations they belong to with the GHL user id
 * they have in each (from {@code inbox_members}).
 */
public record Caller(String subject, Role role, Map<String, Membership> memberships) {

    /** One location the caller belongs to. */
    public record Membership(String locationId, String ghlUserId, String notifyContactId) {}

    public Caller {
        memberships = Map.copyOf(memberships);
    }

    public Set<String> locations() {
        return memberships.keySet();
    }

    public boolean belongsTo(String locationId) {
        return locationId != null && memberships.containsKey(locationId);
    }

    /** The caller's GHL user id in {@code locationId}; empty outside their locations. */
    public Optional<String> ghlUserIn(String locationId) {
        Membership m = locationId == null ? null : memberships.get(locationId);
        return m == null ? Optional.empty() : Optional.of(m.ghlUserId());
    }

    /** True when {@code ghlUserId} is this caller in {@code locationId}. */
    public boolean is(String locationId, String ghlUserId) {
        return ghlUserIn(locationId).map(id -> id.equals(ghlUserId)).orElse(false);
    }
}
