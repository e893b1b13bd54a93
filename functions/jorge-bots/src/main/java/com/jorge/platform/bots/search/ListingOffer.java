package com.jorge.platform.bots.search;

import java.math.BigDecimal;
import java.util.Objects;

/** A listing as the search found it: what the bot's one line says about it, and its link. */
public record ListingOffer(String listingId, String link, long price, int bedrooms, BigDecimal bathrooms, int livingSqft,
                           String place) {

    public ListingOffer {
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(bathrooms, "bathrooms");
        Objects.requireNonNull(place, "place");
    }
}
