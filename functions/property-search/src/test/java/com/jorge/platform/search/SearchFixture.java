package com.jorge.platform.search;

import com.jorge.platform.search.listing.KingCountyListings;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingDescription;
import com.jorge.platform.search.listing.ListingRepository;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.query.SearchQueryReader;
import com.jorge.platform.search.retrieval.ExactVectorIndex;
import com.jorge.platform.search.retrieval.ListingCatalog;
import com.jorge.platform.search.retrieval.MiniLmEmbedder;
import com.jorge.platform.search.retrieval.PropertySearch;
import com.jorge.platform.search.retrieval.TextEmbedder;
import com.jorge.platform.search.retrieval.VectorIndex;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.understanding.AreaReader;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The model, the reader and the embedded King County sample, built once per test JVM (embedding
 * 2,678 descriptions takes seconds); each test class gets its own schema with the listings in it.
 */
public final class SearchFixture {

    private static TextEmbedder embedder;
    private static SearchQueryReader reader;
    private static List<ListingRepository.Stored> embedded;

    private SearchFixture() {}

    public static synchronized TextEmbedder embedder() {
        if (embedder == null) embedder = MiniLmEmbedder.load();
        return embedder;
    }

    public static PlaceGazetteer places() {
        return PlaceGazetteer.load(PlaceGazetteer.KING_COUNTY);
    }

    public static synchronized SearchQueryReader reader() {
        if (reader == null) {
            reader = new SearchQueryReader(LeadMessageUnderstander.load(),
                    AreaReader.load("/search/king-county/areas-king-county.txt"), places());
        }
        return reader;
    }

    public static synchronized List<ListingRepository.Stored> embeddedSample() {
        if (embedded == null) {
            ListingDescription describe = new ListingDescription(places());
            List<Listing> sample = KingCountyListings.sample();
            List<String> texts = sample.stream().map(describe::describe).toList();
            List<float[]> vectors = embedder().embedAll(texts);
            List<ListingRepository.Stored> out = new ArrayList<>();
            for (int i = 0; i < sample.size(); i++) {
                out.add(new ListingRepository.Stored(sample.get(i), texts.get(i), vectors.get(i)));
            }
            embedded = List.copyOf(out);
        }
        return embedded;
    }

    /** A schema of its own with the sample loaded, and the search over it. */
    public record Loaded(TestPostgres.Schema schema, ListingRepository repository, VectorIndex index, ListingCatalog catalog,
                         PropertySearch search) implements AutoCloseable {
        @Override
        public void close() {
            schema.close();
        }
    }

    public static Loaded load(String purpose) {
        TestPostgres.Schema schema = TestPostgres.newSchema(purpose);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(schema.jdbcUrl());
        ds.setUser(schema.user());
        ds.setPassword(schema.password());
        ListingRepository repository = new ListingRepository(ds).migrate();
        VectorIndex index = new ExactVectorIndex();
        ListingCatalog catalog = new ListingCatalog(repository, index, embedder(), new ListingDescription(places()));
        catalog.addEmbedded(embeddedSample());
        return new Loaded(schema, repository, index, catalog, new PropertySearch(repository, index, embedder()));
    }
}
