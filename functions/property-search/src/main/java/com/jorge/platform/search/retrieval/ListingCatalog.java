package com.jorge.platform.search.retrieval;

import com.jorge.platform.search.listing.KingCountyListings;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingDescription;
import com.jorge.platform.search.listing.ListingRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the listings table and the vector index in step: new listings are described, embedded and
 * stored; a change (price, status) is written and the index follows (only active listings in it).
 */
public final class ListingCatalog {

    /** A listing before and after a change, for the cache's invalidation. */
    public record ListingChange(Listing before, Listing after) {}

    private final ListingRepository repository;
    private final VectorIndex index;
    private final TextEmbedder embedder;
    private final ListingDescription descriptions;

    public ListingCatalog(ListingRepository repository, VectorIndex index, TextEmbedder embedder, ListingDescription descriptions) {
        this.repository = repository;
        this.index = index;
        this.embedder = embedder;
        this.descriptions = descriptions;
    }

    /** Describes, embeds and stores listings (a feed import), then indexes the active ones. */
    public void add(List<Listing> listings) {
        List<ListingRepository.Stored> stored = new ArrayList<>();
        for (int from = 0; from < listings.size(); from += 256) {
            List<Listing> chunk = listings.subList(from, Math.min(listings.size(), from + 256));
            List<float[]> vectors = embedder.embedAll(chunk.stream().map(descriptions::describe).toList());
            for (int i = 0; i < chunk.size(); i++) {
                stored.add(new ListingRepository.Stored(chunk.get(i), descriptions.describe(chunk.get(i)), vectors.get(i)));
            }
        }
        addEmbedded(stored);
    }

    /**
     * Loads the King County sample ({@link KingCountyListings}) with its shipped embeddings
     * ({@link SampleEmbeddings}; embeds the descriptions only when those no longer match them).
     * Returns how many listings were loaded.
     */
    public int addKingCountySample() {
        List<Listing> sample = KingCountyListings.sample();
        List<String> texts = sample.stream().map(descriptions::describe).toList();
        var shipped = SampleEmbeddings.of(texts);
        if (shipped.isEmpty()) {
            add(sample);
            return sample.size();
        }
        List<float[]> vectors = shipped.get();
        List<ListingRepository.Stored> stored = new ArrayList<>(sample.size());
        for (int i = 0; i < sample.size(); i++) {
            stored.add(new ListingRepository.Stored(sample.get(i), texts.get(i), vectors.get(i)));
        }
        addEmbedded(stored);
        return stored.size();
    }

    /** Stores listings whose embeddings were already computed (a feed that ships them, a test fixture). */
    public void addEmbedded(List<ListingRepository.Stored> stored) {
        repository.saveAll(stored);
        for (ListingRepository.Stored s : stored) {
            if (s.listing().active()) {
                index.put(s.listing().id(), s.embedding());
            } else {
                index.remove(s.listing().id());
            }
        }
    }

    /** Fills the in-process index from the table: a cold start embeds nothing. */
    public int warm() {
        repository.activeEmbeddings().forEach(index::put);
        return index.size();
    }

    /** Writes a price or status change; the description has no price, so the embedding stays. */
    public ListingChange change(Listing updated) {
        Listing before = repository.find(updated.id())
                .orElseThrow(() -> new IllegalArgumentException("no listing " + updated.id()));
        repository.update(updated, descriptions.describe(updated));
        if (!updated.active()) {
            index.remove(updated.id());
        } else if (!before.active()) {
            repository.embedding(updated.id()).ifPresent(v -> index.put(updated.id(), v));
        }
        return new ListingChange(before, updated);
    }
}
