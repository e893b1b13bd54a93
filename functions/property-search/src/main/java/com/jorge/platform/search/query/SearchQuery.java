package com.jorge.platform.search.query;

import java.util.Objects;

/**
 * A buyer's query read: the hard constraints, and the free text left when they are taken out
 * (lower case, accents folded, filler words dropped; empty when the constraints said it all).
 */
public record SearchQuery(SearchConstraints constraints, String freeText, String language) {

    public SearchQuery {
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(freeText, "freeText");
        Objects.requireNonNull(language, "language");
    }

    public boolean hasFreeText() {
        return !freeText.isEmpty();
    }
}
