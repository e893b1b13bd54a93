package com.jorge.platform.bots.search;

import java.util.Objects;

/** One buyer's search: whose it is (the cache is per location, and erasable per contact), what, how many. */
public record ListingRequest(String locationId, String contactId, BuyerCriteria criteria, int max) {

    public ListingRequest {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(criteria, "criteria");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
    }
}
