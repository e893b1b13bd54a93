package com.jorge.platform.search.listing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One house for sale: the King County record's fields. {@code waterfront} is false where the record
 * leaves it blank; {@code yearRenovated} is 0 when never renovated; {@code view} is 0 (none) to 4.
 */
public record Listing(long id, long price, int bedrooms, BigDecimal bathrooms, int livingSqft, int lotSqft,
                      BigDecimal floors, boolean waterfront, int view, int condition, int grade, int basementSqft,
                      int yearBuilt, int yearRenovated, String zip, double latitude, double longitude, ListingStatus status) {

    public Listing {
        Objects.requireNonNull(bathrooms, "bathrooms");
        Objects.requireNonNull(floors, "floors");
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(status, "status");
        if (price <= 0) {
            throw new IllegalArgumentException("listing " + id + ": price must be positive, was " + price);
        }
        if (!zip.matches("\\d{5}")) {
            throw new IllegalArgumentException("listing " + id + ": zip must be five digits");
        }
    }

    public Listing withPrice(long newPrice) {
        return new Listing(id, newPrice, bedrooms, bathrooms, livingSqft, lotSqft, floors, waterfront, view, condition, grade,
                basementSqft, yearBuilt, yearRenovated, zip, latitude, longitude, status);
    }

    public Listing withStatus(ListingStatus newStatus) {
        return new Listing(id, price, bedrooms, bathrooms, livingSqft, lotSqft, floors, waterfront, view, condition, grade,
                basementSqft, yearBuilt, yearRenovated, zip, latitude, longitude, newStatus);
    }

    public boolean active() {
        return status == ListingStatus.ACTIVE;
    }
}
