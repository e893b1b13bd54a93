package com.jorge.platform.search.bot;

import com.jorge.platform.bots.search.BuyerCriteria;
import com.jorge.platform.bots.search.ListingOffer;
import com.jorge.platform.bots.search.ListingRequest;
import com.jorge.platform.bots.search.ListingSearch;
import com.jorge.platform.search.cache.CachedPropertySearch;
import com.jorge.platform.search.cache.CachedPropertySearch.SearchAnswer;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.query.SearchConstraints;
import java.util.List;
import java.util.Objects;

/**
 * The buyer bot's {@link ListingSearch} over the cached property search: the buyer's criteria as
 * the bot writes them ({@link BuyerCriteria#queryText()}) go through the same reader, cache and
 * search as any text. Nothing is offered, rather than listings from anywhere, when an area is not a
 * place of this market or the text did not read back into exactly the buyer's limits.
 */
public final class BuyerListingSearch implements ListingSearch {

    private final CachedPropertySearch search;
    private final PlaceGazetteer places;
    private final ListingLinks links;

    public BuyerListingSearch(CachedPropertySearch search, PlaceGazetteer places, ListingLinks links) {
        this.search = Objects.requireNonNull(search, "search");
        this.places = Objects.requireNonNull(places, "places");
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public List<ListingOffer> find(ListingRequest request) {
        BuyerCriteria wanted = request.criteria();
        if (!wanted.areas().stream().allMatch(a -> a.strip().matches("\\d{5}") || places.zipsOf(a).isPresent())) {
            return List.of(); // an area we cannot filter on would leave the place unfiltered
        }
        SearchAnswer answer = search.search(request.locationId(), request.contactId(), wanted.queryText(), request.max());
        if (!readBack(answer.query().constraints(), wanted)) {
            return List.of();
        }
        return answer.page().hits().stream().map(h -> offer(h.listing())).toList();
    }

    private static boolean readBack(SearchConstraints read, BuyerCriteria wanted) {
        return !read.zips().isEmpty() && read.minPrice() == wanted.minPrice() && read.maxPrice() == wanted.maxPrice()
                && read.minBedrooms() == wanted.minBedrooms() && read.minBathrooms().compareTo(wanted.minBathrooms()) == 0;
    }

    private ListingOffer offer(Listing l) {
        return new ListingOffer(Long.toString(l.id()), links.of(l.id()), l.price(), l.bedrooms(), l.bathrooms(), l.livingSqft(),
                places.cityOf(l.zip()));
    }
}
