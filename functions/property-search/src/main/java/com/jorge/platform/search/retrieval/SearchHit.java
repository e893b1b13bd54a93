package com.jorge.platform.search.retrieval;

import com.jorge.platform.search.listing.Listing;

/** One result: the listing and its relevance (see {@link PropertySearch} for what the number means). */
public record SearchHit(Listing listing, double relevance) {}
