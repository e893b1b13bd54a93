package com.jorge.platform.understanding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nearest-neighbour intent classification with the all-MiniLM-L6-v2 sentence embedding (quantized
 * ONNX, in the jar, offline): a message takes the intent of its most similar exemplar phrase when
 * that similarity clears a threshold and beats the best "no intent" exemplar by a margin. It
 * catches paraphrases the lexicon has no words for; one embedding per message (2-3 ms).
 */
final class ExemplarIntentClassifier {

    /** The best intent for a text, with the similarities that decided it. */
    record Verdict(Optional<Intent> intent, Intent nearest, double similarity, double neutralSimilarity) {}

    private final EmbeddingModel model;
    private final float[][] vectors;
    private final Intent[] labels; // null = NEUTRAL
    private final double threshold;
    private final double margin;

    private ExemplarIntentClassifier(EmbeddingModel model, float[][] vectors, Intent[] labels, double threshold, double margin) {
        this.model = model;
        this.vectors = vectors;
        this.labels = labels;
        this.threshold = threshold;
        this.margin = margin;
    }

    /** Loads the model and embeds the exemplars on a large stack ({@link MiniLmEmbeddings#onLargeStack}). */
    static ExemplarIntentClassifier load(String resource, double threshold, double margin) {
        return MiniLmEmbeddings.onLargeStack(() -> loadHere(resource, threshold, margin));
    }

    private static ExemplarIntentClassifier loadHere(String resource, double threshold, double margin) {
        List<String> phrases = new ArrayList<>();
        List<Intent> labels = new ArrayList<>();
        try (InputStream in = ExemplarIntentClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("exemplar resource missing: " + resource);
            }
            int lineNo = 0;
            for (String raw : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(resource + ":" + lineNo + ": expected 'INTENT: phrase'");
                }
                String label = line.substring(0, colon).trim();
                labels.add(label.equals("NEUTRAL") ? null : Intent.valueOf(label));
                phrases.add(line.substring(colon + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddingModel model = MiniLmEmbeddings.create();
        List<Embedding> embedded = model.embedAll(phrases.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[embedded.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = normalised(embedded.get(i).vector());
        }
        return new ExemplarIntentClassifier(model, vectors, labels.toArray(Intent[]::new), threshold, margin);
    }

    Verdict classify(String text) {
        return classify(embed(text));
    }

    /** The text's unit-length embedding, which {@link #classify(float[])} and {@link OtherIntentFallback} read. */
    float[] embed(String text) {
        return normalised(model.embed(text).content().vector());
    }

    Verdict classify(float[] q) {
        Map<Intent, Double> best = new EnumMap<>(Intent.class);
        double neutral = -1;
        for (int i = 0; i < vectors.length; i++) {
            double sim = dot(q, vectors[i]);
            if (labels[i] == null) {
                neutral = Math.max(neutral, sim);
            } else {
                best.merge(labels[i], sim, Math::max);
            }
        }
        Intent top = null;
        double topSim = -1;
        for (Map.Entry<Intent, Double> e : best.entrySet()) {
            if (e.getValue() > topSim) {
                topSim = e.getValue();
                top = e.getKey();
            }
        }
        boolean accepted = top != null && topSim >= threshold && topSim - neutral >= margin;
        return new Verdict(accepted ? Optional.of(top) : Optional.empty(), top, topSim, neutral);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
