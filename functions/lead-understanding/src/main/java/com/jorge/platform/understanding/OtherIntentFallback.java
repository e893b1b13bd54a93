package com.jorge.platform.understanding;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small learned reader asked only where the rules (and the exemplars) answer OTHER alone (issue 13): one-vs-rest
 * logistic regression over the message's hashed word and character n-grams ({@link IntentFeatures}, folded into a
 * few thousand buckets) and its unit-length MiniLM embedding, trained on the tuning parts by
 * evaluation/lead-understanding ({@code evaluate.sh --train-other-fallback}). It names the intents whose probability
 * reaches its threshold, or leaves OTHER. It can never make an opt-out: OPT_OUT (and OTHER) are refused at load, and it
 * never touches a message the rules read as anything but OTHER. Weights are stored as float16: a few hundred KB.
 */
final class OtherIntentFallback {

    /** The resource the understander loads. */
    static final String RESOURCE = "/understanding/other-fallback.bin";
    private static final int MAGIC = 0x4a4f4642; // "JOFB"
    private static final int VERSION = 1;
    private static final Set<Intent> NEVER = EnumSet.of(Intent.OPT_OUT, Intent.OTHER);

    private final List<Intent> intents;
    private final int dim;
    private final double threshold;
    private final OneVsRestWeights model; // dense part: the embedding

    private OtherIntentFallback(List<Intent> intents, int dim, double threshold, OneVsRestWeights model) {
        for (Intent i : intents) {
            if (NEVER.contains(i)) {
                throw new IllegalArgumentException("a fallback may not name " + i);
            }
        }
        this.intents = List.copyOf(intents);
        this.dim = dim;
        this.threshold = threshold;
        this.model = model;
    }

    /** The shipped model, or empty where the resource is absent. */
    static Optional<OtherIntentFallback> loadDefault() {
        try (InputStream in = OtherIntentFallback.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A model from its bytes ({@link #write}). */
    static OtherIntentFallback fromBytes(byte[] bytes) {
        try {
            return read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OtherIntentFallback read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an OTHER-fallback model of version " + VERSION);
        }
        int buckets = in.readInt();
        int dim = in.readInt();
        double threshold = in.readFloat();
        int n = in.readInt();
        List<Intent> intents = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            intents.add(Intent.valueOf(in.readUTF()));
        }
        return new OtherIntentFallback(intents, dim, threshold, OneVsRestWeights.read(in, n, buckets, dim));
    }

    /**
     * The bytes of a model: its weights rounded to float16 (what {@link #read} gives back is the model that is scored,
     * in the evaluation as in the understander).
     */
    static byte[] write(List<Intent> intents, int buckets, int dim, double threshold, float[] bias, float[] weights, float[] dense) {
        OneVsRestWeights model = new OneVsRestWeights(intents.size(), buckets, dim, bias, weights, dense);
        new OtherIntentFallback(intents, dim, threshold, model); // validates
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(buckets);
            out.writeInt(dim);
            out.writeFloat((float) threshold);
            out.writeInt(intents.size());
            for (Intent i : intents) {
                out.writeUTF(i.name());
            }
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    double threshold() {
        return threshold;
    }

    /** The model's probability of each of its intents, in their order. */
    double[] probabilities(String folded, float[] unitEmbedding) {
        if (unitEmbedding.length != dim) {
            throw new IllegalArgumentException("embedding has " + unitEmbedding.length + " values; the model reads " + dim);
        }
        return model.probabilities(IntentFeatures.of(folded, model.buckets()), unitEmbedding);
    }

    /** The intents the model reads at {@code threshold}; empty where none reaches it. */
    Set<Intent> read(String folded, float[] unitEmbedding, double threshold) {
        double[] p = probabilities(folded, unitEmbedding);
        Set<Intent> out = EnumSet.noneOf(Intent.class);
        for (int k = 0; k < p.length; k++) {
            if (p[k] >= threshold) {
                out.add(intents.get(k));
            }
        }
        return out;
    }

    /** Whether the understanding is one this fallback may change: OTHER alone (so never an opt-out). */
    static boolean consulted(MessageUnderstanding rules) {
        return !rules.optOut() && rules.intents().equals(Set.of(Intent.OTHER));
    }

    /**
     * The rules' understanding, with OTHER replaced by what the model reads at {@code threshold} where the rules answer
     * OTHER alone; any other understanding is returned as it is.
     */
    MessageUnderstanding apply(MessageUnderstanding rules, String folded, float[] unitEmbedding, double threshold) {
        if (!consulted(rules)) {
            return rules;
        }
        Set<Intent> read = read(folded, unitEmbedding, threshold);
        return read.isEmpty() ? rules : new MessageUnderstanding(rules.language(), rules.slots(), read, false, rules.possibleOptOut());
    }

    MessageUnderstanding apply(MessageUnderstanding rules, String folded, float[] unitEmbedding) {
        return apply(rules, folded, unitEmbedding, threshold);
    }
}
