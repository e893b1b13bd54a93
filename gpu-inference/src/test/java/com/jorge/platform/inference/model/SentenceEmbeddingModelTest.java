package com.jorge.platform.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEmbeddingModelTest {

    private static SentenceEmbeddingModel model;

    @BeforeAll
    static void load() {
        model = SentenceEmbeddingModel.load(OnnxSessionFactory.cpu(), "1", 1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static final String[] TEXTS = {
            "Looking to sell my condo in the next 3 months",
            "Do you have any 4 bedroom homes under 600k near good schools?",
            "stop",
            "We're pre-approved and want to buy before the school year starts, ideally something with a big yard",
    };

    @Test
    void matchesTheLangchain4jReferenceTextByText() throws Exception {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            float[] ours = model.embed(new String[]{text});
            float[] theirs = reference.embed(text).content().vector();
            assertThat(cosine(ours, theirs)).as(text).isGreaterThan(0.9999);
        }
    }

    /**
     * Not bit-identical: the quantized graph's DynamicQuantizeLinear picks one activation scale per
     * tensor, so rows of a batch (and their padding) shift each other's quantization slightly.
     */
    @Test
    void aPaddedBatchGivesNearlyTheSameEmbeddingsAsOneTextAtATime() throws Exception {
        float[] batch = model.embed(TEXTS);
        for (int i = 0; i < TEXTS.length; i++) {
            float[] single = model.embed(new String[]{TEXTS[i]});
            float[] row = Arrays.copyOfRange(batch, i * 384, (i + 1) * 384);
            assertThat(cosine(row, single)).as(TEXTS[i]).isGreaterThan(0.96); // measured: 0.971 for "stop" next to a 25-token text, 0.991 or more for the others
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
