package com.jorge.platform.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberingEmbedderTest {

    @Test
    void aRepeatedTextSkipsTheModelAndTheLeastRecentlyUsedGoesFirst() {
        List<String> asked = new ArrayList<>();
        TextEmbedder model = text -> {
            asked.add(text);
            return new float[] {text.length()};
        };
        RememberingEmbedder embedder = new RememberingEmbedder(model, 2);

        embedder.embed("quiet street");
        embedder.embed("near schools");
        assertThat(embedder.embed("quiet street")).containsExactly(12f);
        embedder.embed("big yard"); // evicts "near schools", the least recently used
        embedder.embed("quiet street");
        embedder.embed("near schools");

        assertThat(asked).containsExactly("quiet street", "near schools", "big yard", "near schools");
    }
}
