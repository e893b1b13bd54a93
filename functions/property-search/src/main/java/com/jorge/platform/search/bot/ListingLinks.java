package com.jorge.platform.search.bot;

import com.jorge.platform.config.PlatformConfig;

/**
 * Where a listing's link points: {@code SEARCH_LISTING_LINK}, a URL with {@code {id}} where the
 * listing's id goes. The default is King County's public record of the parcel (a King County
 * listing's id is its parcel number), so a link works before the team has listing pages of its own.
 */
public record ListingLinks(String template) {

    public static final String KING_COUNTY_PARCEL = "https://blue.kingcounty.com/Assessor/eRealProperty/Detail.aspx?ParcelNbr={id}";

    public ListingLinks {
        if (template == null || !template.startsWith("https://") || !template.contains("{id}")) {
            throw new IllegalArgumentException("SEARCH_LISTING_LINK must be an https URL with {id} in it, was '" + template + "'");
        }
    }

    public static ListingLinks from(PlatformConfig config) {
        return new ListingLinks(config.get("SEARCH_LISTING_LINK", KING_COUNTY_PARCEL).strip());
    }

    public String of(long listingId) {
        return template.replace("{id}", String.format("%010d", listingId));
    }
}
