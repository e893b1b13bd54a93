package com.jorge.platform.search.query;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A buyer's query read: the hard constraints, and the free text left when they are taken out
 * (lower case, accents folded, filler words dropped; empty when the constraints said it all), and the
 * places the buyer named (folded names or zip codes): two places can share their zip codes (Fremont
 * and Wallingford are both 98103), so the filter alone does not say which place was asked about.
 */
public record SearchQuery(SearchConstraints constraints, String freeText, String language, SortedSet<String> places) {

    public SearchQuery {
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(freeText, "freeText");
        Objects.requireNonNull(language, "language");
        places = Collections.unmodifiableSortedSet(new TreeSet<>(places));
    }

    /** A query that names no place by itself (the constraints' zips, if any, came from elsewhere). */
    public SearchQuery(SearchConstraints constraints, String freeText, String language) {
        this(constraints, freeText, language, new TreeSet<>());
    }

    public boolean hasFreeText() {
        return !freeText.isEmpty();
    }
}
