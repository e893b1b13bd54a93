package com.jorge.platform.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.search.SearchFixture;
import com.jorge.platform.search.listing.KingCountyListings;
import com.jorge.platform.search.listing.ListingDescription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped embeddings are the model's vectors of today's descriptions, and a stale file is never used. */
class SampleEmbeddingsTest {

    private final List<String> texts = KingCountyListings.sample().stream()
            .map(new ListingDescription(SearchFixture.places())::describe).toList();

    @Test
    void theShippedFileHoldsTheModelsVectorsOfEveryDescriptionOfTheSample() {
        List<float[]> shipped = SampleEmbeddings.of(texts)
                .orElseThrow(() -> new AssertionError("listing-embeddings.f16 is stale: run perf/search's SampleEmbeddingsWriter (see its README)"));
        assertThat(shipped).hasSize(texts.size()).allSatisfy(v -> assertThat(v).hasSize(384));
        for (int i = 0; i < texts.size(); i += texts.size() / 12) {
            float[] now = SearchFixture.embedder().embed(texts.get(i));
            assertThat(TextEmbedder.similarity(now, shipped.get(i))).as("listing %d", i).isGreaterThan(0.999);
        }
    }

    @Test
    void aChangedDescriptionMakesTheFileUnusableRatherThanWrong() {
        List<String> changed = new ArrayList<>(texts);
        changed.set(7, changed.get(7) + " Newly painted.");
        assertThat(SampleEmbeddings.of(changed)).isEmpty();
        assertThat(SampleEmbeddings.of(texts.subList(0, 100))).isEmpty();
    }
}
