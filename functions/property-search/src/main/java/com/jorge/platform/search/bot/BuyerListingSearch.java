package com.jorge.platform.search.bot;

import com.jorge.platform.bots.search.BuyerCriteria;
import com.jorge.platform.bots.search.ListingOffer;
import com.jorge.platform.bots.search.ListingRequest;
import com.jorge.platform.bots.search.ListingSearch;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.search.cache.CachedPropertySearch;
import com.jorge.platform.search.cache.CachedPropertySearch.SearchAnswer;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.cache.SemanticSearchCache;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingDescription;
import com.jorge.platform.search.listing.ListingRepository;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.query.SearchConstraints;
import com.jorge.platform.search.query.SearchQueryReader;
import com.jorge.platform.search.retrieval.ExactVectorIndex;
import com.jorge.platform.search.retrieval.ListingCatalog;
import com.jorge.platform.search.retrieval.MiniLmEmbedder;
import com.jorge.platform.search.retrieval.PropertySearch;
import com.jorge.platform.search.retrieval.RememberingEmbedder;
import com.jorge.platform.search.retrieval.TextEmbedder;
import com.jorge.platform.understanding.AreaReader;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

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

    /**
     * The production wiring, for the worker's composition root: the listings table (migrated), the
     * index warmed from it (a cold start embeds nothing), the MiniLM model (loaded once, about a
     * second), the Redis cache under {@code SEARCH_CACHE_PREFIX} (contact-data's erasure reads the same
     * setting). {@code SEARCH_LOAD_SAMPLE=true} loads the King County sample into an empty table first
     * (2,678 listings with their shipped embeddings: seconds, the model embeds nothing).
     */
    public static BuyerListingSearch fromConfig(PlatformConfig config, DataSource database, RedisClusterCommands<String, String> redis,
                                                PlatformMetrics metrics, Clock clock) {
        PlaceGazetteer places = PlaceGazetteer.load(PlaceGazetteer.KING_COUNTY);
        ListingRepository listings = new ListingRepository(database).migrate();
        ExactVectorIndex index = new ExactVectorIndex();
        TextEmbedder model = MiniLmEmbedder.load();
        ListingCatalog catalog = new ListingCatalog(listings, index, model, new ListingDescription(places));
        if (catalog.warm() == 0 && config.getBoolean("SEARCH_LOAD_SAMPLE", false)) {
            catalog.addKingCountySample();
        }
        SearchQueryReader reader = new SearchQueryReader(LeadMessageUnderstander.patternsOnly(clock),
                AreaReader.load("/search/king-county/areas-king-county.txt"), places);
        SearchCacheSettings settings = SearchCacheSettings.from(config);
        CachedPropertySearch search = new CachedPropertySearch(reader, new PropertySearch(listings, index, new RememberingEmbedder(model, 10_000)),
                listings, new SemanticSearchCache(redis, settings, clock, config.get("SEARCH_CACHE_PREFIX", "")), settings, metrics, () -> ThreadLocalRandom.current().nextDouble());
        return new BuyerListingSearch(search, places, ListingLinks.from(config));
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
