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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
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
            reader = new SearchQueryReader(LeadMessageUnderstander.patternsOnly(Clock.systemUTC()),
                    AreaReader.load("/search/king-county/areas-king-county.txt"), places());
        }
        return reader;
    }

    public static synchronized List<ListingRepository.Stored> embeddedSample() {
        if (embedded == null) {
            ListingDescription describe = new ListingDescription(places());
            List<Listing> sample = KingCountyListings.sample();
            List<String> texts = sample.stream().map(describe::describe).toList();
            List<float[]> vectors = cachedEmbeddings(texts);
            List<ListingRepository.Stored> out = new ArrayList<>();
            for (int i = 0; i < sample.size(); i++) {
                out.add(new ListingRepository.Stored(sample.get(i), texts.get(i), vectors.get(i)));
            }
            embedded = List.copyOf(out);
        }
        return embedded;
    }

    /**
     * The sample's embeddings, kept in target/ under the hash of the descriptions: embedding 2,678
     * texts costs a minute on a busy machine, and the same texts give the same vectors.
     */
    private static List<float[]> cachedEmbeddings(List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            texts.forEach(t -> sha.update((t + "\n").getBytes(StandardCharsets.UTF_8)));
            Path file = Path.of("target", "search-embeddings-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".bin");
            if (Files.exists(file)) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                    List<float[]> out = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        float[] v = new float[in.readInt()];
                        for (int k = 0; k < v.length; k++) v[k] = in.readFloat();
                        out.add(v);
                    }
                    return out;
                }
            }
            List<float[]> vectors = embedder().embedAll(texts);
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                for (float[] v : vectors) {
                    out.writeInt(v.length);
                    for (float x : v) out.writeFloat(x);
                }
            }
            return vectors;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("embedding cache in target/ failed", e);
        }
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
