package com.jorge.platform.search.query;

import com.jorge.platform.search.listing.Listing;
import java.math.BigDecimal;
import java.util.function.Predicate;

/**
 * The property features a buyer can require or exclude that the listing data can answer. Features
 * the data cannot answer (pool, garage, HOA) stay in the free text: a filter on what we do not know
 * would drop listings that may well have it.
 */
public enum Feature {
    WATERFRONT(Listing::waterfront, "waterfront"),
    VIEW(l -> l.view() > 0, "view > 0"),
    BASEMENT(l -> l.basementSqft() > 0, "basement_sqft > 0"),
    SINGLE_STORY(l -> l.floors().compareTo(BigDecimal.ONE) <= 0, "floors <= 1"),
    /** 10,000 sq ft of lot or more (the description says "large lot" or "acreage lot"). */
    LARGE_LOT(l -> l.lotSqft() >= 10_000, "lot_sqft >= 10000"),
    RENOVATED(l -> l.yearRenovated() > 0, "year_renovated > 0"),
    /** Built in 2010 or later. */
    NEW_CONSTRUCTION(l -> l.yearBuilt() >= 2010, "year_built >= 2010");

    private final Predicate<Listing> present;
    private final String sql;

    Feature(Predicate<Listing> present, String sql) {
        this.present = present;
        this.sql = sql;
    }

    public boolean presentIn(Listing listing) {
        return present.test(listing);
    }

    /** The SQL condition over the listings table that holds exactly when {@link #presentIn} does. */
    public String sqlCondition() {
        return sql;
    }
}
