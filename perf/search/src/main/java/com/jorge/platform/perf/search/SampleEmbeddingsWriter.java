package com.jorge.platform.perf.search;

import com.jorge.platform.search.listing.KingCountyListings;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingDescription;
import com.jorge.platform.search.query.PlaceGazetteer;
import com.jorge.platform.search.retrieval.MiniLmEmbedder;
import com.jorge.platform.search.retrieval.SampleEmbeddings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes property-search's shipped embeddings of the King County sample ({@link SampleEmbeddings}):
 * run after a change to the sample or to {@code ListingDescription} (property-search's
 * {@code SampleEmbeddingsTest} fails until then).
 *   SampleEmbeddingsWriter [file, default functions/property-search/src/main/resources/search/king-county/listing-embeddings.f16]
 */
public final class SampleEmbeddingsWriter {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "functions/property-search/src/main/resources" + SampleEmbeddings.RESOURCE);
        ListingDescription describe = new ListingDescription(PlaceGazetteer.load(PlaceGazetteer.KING_COUNTY));
        List<Listing> sample = KingCountyListings.sample();
        List<String> texts = sample.stream().map(describe::describe).toList();
        MiniLmEmbedder model = MiniLmEmbedder.load();
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 256) {
            vectors.addAll(model.embedAll(texts.subList(from, Math.min(texts.size(), from + 256))));
        }
        SampleEmbeddings.write(file, texts, vectors);
        System.out.println("listings=" + texts.size() + " written to " + file);
    }
}
