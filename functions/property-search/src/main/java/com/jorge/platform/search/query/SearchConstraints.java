package com.jorge.platform.search.query;

import com.jorge.platform.search.listing.Listing;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hard part of a query: every result satisfies all of it. Absent bounds are 0 and
 * {@link Long#MAX_VALUE}; an empty zip set means anywhere in the market; {@code propertyType} is a
 * lead-understanding value (single_family, condo, ...) or "any". {@link #key()} is the canonical
 * form the cache matches exactly before any similarity is considered.
 */
public record SearchConstraints(long minPrice, long maxPrice, int minBedrooms, BigDecimal minBathrooms,
                                SortedSet<String> zips, Set<Feature> required, Set<Feature> excluded, String propertyType) {

    public static final String ANY_TYPE = "any";
    /** The listing data are King County house sales: every listing is a single-family house. */
    public static final String LISTED_TYPE = "single_family";

    public SearchConstraints {
        Objects.requireNonNull(minBathrooms, "minBathrooms");
        Objects.requireNonNull(propertyType, "propertyType");
        if (minPrice < 0 || maxPrice < minPrice) {
            throw new IllegalArgumentException("price range " + minPrice + ".." + maxPrice + " is empty or negative");
        }
        zips = Collections.unmodifiableSortedSet(new TreeSet<>(zips));
        required = required.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(required));
        excluded = excluded.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(excluded));
        minBathrooms = minBathrooms.stripTrailingZeros();
    }

    public static SearchConstraints none() {
        return new SearchConstraints(0, Long.MAX_VALUE, 0, BigDecimal.ZERO, new TreeSet<>(), Set.of(), Set.of(), ANY_TYPE);
    }

    public SearchConstraints withPrice(long min, long max) {
        return new SearchConstraints(min, max, minBedrooms, minBathrooms, zips, required, excluded, propertyType);
    }

    public SearchConstraints withMinBedrooms(int beds) {
        return new SearchConstraints(minPrice, maxPrice, beds, minBathrooms, zips, required, excluded, propertyType);
    }

    public SearchConstraints withMinBathrooms(BigDecimal baths) {
        return new SearchConstraints(minPrice, maxPrice, minBedrooms, baths, zips, required, excluded, propertyType);
    }

    public SearchConstraints withZips(Set<String> newZips) {
        return new SearchConstraints(minPrice, maxPrice, minBedrooms, minBathrooms, new TreeSet<>(newZips), required, excluded, propertyType);
    }

    public SearchConstraints withFeatures(Set<Feature> newRequired, Set<Feature> newExcluded) {
        return new SearchConstraints(minPrice, maxPrice, minBedrooms, minBathrooms, zips, newRequired, newExcluded, propertyType);
    }

    public SearchConstraints withPropertyType(String type) {
        return new SearchConstraints(minPrice, maxPrice, minBedrooms, minBathrooms, zips, required, excluded, type);
    }

    /** Whether a listing satisfies every constraint (status aside: the search offers active listings only). */
    public boolean admits(Listing l) {
        return l.price() >= minPrice && l.price() <= maxPrice
                && l.bedrooms() >= minBedrooms
                && l.bathrooms().compareTo(minBathrooms) >= 0
                && (zips.isEmpty() || zips.contains(l.zip()))
                && required.stream().allMatch(f -> f.presentIn(l))
                && excluded.stream().noneMatch(f -> f.presentIn(l))
                && (propertyType.equals(ANY_TYPE) || propertyType.equals(LISTED_TYPE));
    }

    /** Canonical and total: two constraint sets are equal exactly when their keys are. */
    public String key() {
        return "price=" + minPrice + ".." + (maxPrice == Long.MAX_VALUE ? "" : maxPrice)
                + ";beds>=" + minBedrooms + ";baths>=" + minBathrooms.toPlainString()
                + ";zips=" + String.join(",", zips)
                + ";with=" + required.stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                + ";without=" + excluded.stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                + ";type=" + propertyType;
    }
}
