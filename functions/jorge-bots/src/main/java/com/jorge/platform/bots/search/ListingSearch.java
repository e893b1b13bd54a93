package com.jorge.platform.bots.search;

import java.util.List;

/**
 * The bots' port to the property search: listings that satisfy every one of a buyer's criteria,
 * best first. The worker provides it (property-search's {@code BuyerListingSearch}); without one
 * ({@link #NONE}) the bots offer no listings. An implementation returns nothing, never a listing
 * from elsewhere, when it cannot honour a criterion (an area outside its market).
 */
@FunctionalInterface
public interface ListingSearch {

    ListingSearch NONE = request -> List.of();

    List<ListingOffer> find(ListingRequest request);
}
