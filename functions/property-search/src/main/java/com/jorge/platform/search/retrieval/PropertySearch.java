package com.jorge.platform.search.retrieval;

import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingRepository;
import com.jorge.platform.search.query.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hybrid retrieval: the hard constraints are a SQL filter (every result satisfies all of them), the
 * free text ranks what passed.
 *
 * <p><b>Relevance</b> is the cosine similarity (-1..1, in practice 0..0.7) between the MiniLM
 * embedding of the query's free text and that of the listing's generated description. A query with
 * no free text is ranked against {@link #DEFAULT_PREFERENCE}, so the well-kept, better-built houses
 * that fit come first. Ties go to the lower listing id, so a page is deterministic.
 */
public final class PropertySearch {

    public static final String DEFAULT_PREFERENCE = "well-kept house in good condition, better than average construction";
    public static final int MAX_PAGE = 50;

    private final ListingRepository repository;
    private final VectorIndex index;
    private final TextEmbedder embedder;
    private final float[] defaultPreference;

    public PropertySearch(ListingRepository repository, VectorIndex index, TextEmbedder embedder) {
        this.repository = repository;
        this.index = index;
        this.embedder = embedder;
        this.defaultPreference = embedder.embed(DEFAULT_PREFERENCE);
    }

    public SearchPage search(SearchQuery query, int pageSize) {
        return search(query, queryVector(query), pageSize);
    }

    /** As {@link #search(SearchQuery, int)} with the free text's vector already computed (the cache computed it). */
    public SearchPage search(SearchQuery query, float[] vector, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE + ", was " + pageSize);
        }
        long[] candidates = repository.matchingIds(query.constraints());
        List<VectorIndex.Scored> ranked = index.nearest(vector, candidates, pageSize);
        Map<Long, Listing> listings = repository.findAll(ranked.stream().map(VectorIndex.Scored::id).toList());
        List<SearchHit> hits = new ArrayList<>();
        for (VectorIndex.Scored s : ranked) {
            Listing l = listings.get(s.id());
            // re-checked on the row just read: a listing changed between filter and read is left out, never shown wrong
            if (l != null && l.active() && query.constraints().admits(l)) {
                hits.add(new SearchHit(l, s.similarity()));
            }
        }
        return new SearchPage(hits, candidates.length);
    }

    /** The vector the free text ranks by (the default preference when there is none). */
    public float[] queryVector(SearchQuery query) {
        return query.hasFreeText() ? embedder.embed(query.freeText()) : defaultPreference;
    }
}
