package com.jorge.platform.search;

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
import java.time.Clock;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The model and the reader, built once per test JVM; each test class gets its own schema with the
 * King County sample in it, loaded with its shipped embeddings ({@code SampleEmbeddings}: a few
 * seconds for 2,678 listings, where embedding them took a minute on a busy machine).
 */
public final class SearchFixture {

    private static TextEmbedder embedder;
    private static SearchQueryReader reader;

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
            reader = new SearchQueryReader(LeadMessageUnderstander.patternsOnly(Clock.systemUTC()),
                    AreaReader.load("/search/king-county/areas-king-county.txt"), places());
        }
        return reader;
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
        TestPostgres.Schema schema = TestPostgres.migratedSchema(purpose);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(schema.jdbcUrl());
        ds.setUser(schema.user());
        ds.setPassword(schema.password());
        ListingRepository repository = new ListingRepository(ds).migrate();
        VectorIndex index = new ExactVectorIndex();
        ListingCatalog catalog = new ListingCatalog(repository, index, embedder(), new ListingDescription(places()));
        catalog.addKingCountySample(); // the shipped embeddings: seconds, the model embeds nothing
        return new Loaded(schema, repository, index, catalog, new PropertySearch(repository, index, embedder()));
    }
}
