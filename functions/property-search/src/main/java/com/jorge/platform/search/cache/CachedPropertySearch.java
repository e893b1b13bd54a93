package com.jorge.platform.search.cache;

import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingRepository;
import com.jorge.platform.search.query.SearchQuery;
import com.jorge.platform.search.query.SearchQueryReader;
import com.jorge.platform.search.retrieval.ListingCatalog.ListingChange;
import com.jorge.platform.search.retrieval.PropertySearch;
import com.jorge.platform.search.retrieval.SearchHit;
import com.jorge.platform.search.retrieval.SearchPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The search as the bot calls it: read the text, look for a cached answer to the same question
 * (exact constraints first, then similar free text), else search and cache the answer. A hit's
 * listings are read fresh from PostgreSQL and re-checked against the constraints, so even a missed
 * invalidation can never show a listing that breaks them. A sampled share of hits is re-run
 * uncached and compared (the false-hit audit).
 */
public final class CachedPropertySearch {

    /** The answer and whether it came from the cache. */
    public record SearchAnswer(SearchQuery query, SearchPage page, boolean cached) {}

    private final SearchQueryReader reader;
    private final PropertySearch search;
    private final ListingRepository listings;
    private final SemanticSearchCache cache;
    private final SearchCacheSettings settings;
    private final PlatformMetrics metrics;
    private final DoubleSupplier sampler;

    public CachedPropertySearch(SearchQueryReader reader, PropertySearch search, ListingRepository listings, SemanticSearchCache cache,
                                SearchCacheSettings settings, PlatformMetrics metrics, DoubleSupplier sampler) {
        this.reader = reader;
        this.search = search;
        this.listings = listings;
        this.cache = cache;
        this.settings = settings;
        this.metrics = metrics;
        this.sampler = sampler;
    }

    public SearchAnswer search(String locationId, String contactId, String text, int pageSize) {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(contactId, "contactId");
        long started = System.nanoTime();
        SearchQuery query = reader.read(text);
        CacheKey key = CacheKey.of(query);
        String polarity = CacheKey.polarity(query);
        // embedded only when no answer to the very same words exists (the exact path needs no vector)
        float[][] vector = new float[1][];
        Supplier<float[]> queryVector = () -> vector[0] != null ? vector[0] : (vector[0] = search.queryVector(query));
        var cached = cache.lookup(locationId, key, query.freeText(), polarity, queryVector);
        if (cached.isPresent()) {
            SearchPage page = page(query, cached.get(), pageSize);
            metrics.count(SearchMetrics.CACHE_HITS);
            if (vector[0] == null) metrics.count(SearchMetrics.CACHE_SAME_TEXT_HITS);
            metrics.latency(SearchMetrics.CACHED_LATENCY, Duration.ofNanos(System.nanoTime() - started));
            if (sampler.getAsDouble() < settings.auditRate()) {
                boolean same = search.search(query, queryVector.get(), pageSize).ids().equals(page.ids());
                metrics.count(SearchMetrics.CACHE_AUDITS, same ? "same" : "different");
            }
            return new SearchAnswer(query, page, true);
        }
        SearchPage page = search.search(query, queryVector.get(), PropertySearch.MAX_PAGE);
        cache.store(locationId, contactId, key, query.freeText(), polarity, query.constraints(), queryVector.get(), page.ids(),
                page.hits().stream().map(SearchHit::relevance).toList(), page.matching());
        metrics.count(SearchMetrics.CACHE_MISSES);
        metrics.latency(SearchMetrics.UNCACHED_LATENCY, Duration.ofNanos(System.nanoTime() - started));
        return new SearchAnswer(query, new SearchPage(page.hits().subList(0, Math.min(pageSize, page.hits().size())), page.matching()), false);
    }

    /** A listing changed (price, status): drops the cached answers it could make wrong. */
    public int listingChanged(ListingChange change) {
        int dropped = cache.invalidate(change);
        metrics.count(SearchMetrics.CACHE_INVALIDATIONS, null, dropped);
        return dropped;
    }

    /** GDPR erasure: the cached answers this contact's queries created. */
    public int eraseContact(String locationId, String contactId) {
        return cache.eraseContact(locationId, contactId);
    }

    private SearchPage page(SearchQuery query, SemanticSearchCache.CachedAnswer answer, int pageSize) {
        List<Long> ids = answer.ids().subList(0, Math.min(pageSize, answer.ids().size()));
        Map<Long, Listing> fresh = listings.findAll(ids);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Listing l = fresh.get(ids.get(i));
            if (l != null && l.active() && query.constraints().admits(l)) {
                hits.add(new SearchHit(l, answer.relevance().get(i)));
            }
        }
        return new SearchPage(hits, answer.matching());
    }
}
