package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One-vs-rest logistic regression over {@link IntentFeatures}, the learned intent scorer tried for
 * issue 13 and not used by the understander: for each intent it scores, the probability that a
 * message carries it, trained in memory (AdaGrad, fixed seed, so the same corpus gives the same
 * model). {@link IntentBlendCrossValidation} blends it with the rules fold by fold; on the tuning parts it
 * lowered exact-set intent accuracy at every threshold tried, and {@link IntentLeaveOnePartOut} found no
 * learned reader that generalises across hands (README). By default it scores {@link #LEARNED}, never OPT_OUT (an
 * opt-out is the rules' alone) nor the answer intents the rules read from a message's form; the protocol also
 * trains it on every intent.
 */
final class LearnedIntentModel implements LearnedIntents {

    /** The intents it scores, in the order of {@link #scores}. */
    static final List<Intent> LEARNED = List.of(
            Intent.WANTS_CALL, Intent.WANTS_SHOWING, Intent.ASKS_HOME_VALUE, Intent.OFF_LIMITS_QUESTION, Intent.JUST_LOOKING,
            Intent.HAS_AGENT, Intent.PRICE_TOO_HIGH, Intent.NOT_NOW, Intent.NOT_INTERESTED, Intent.WRONG_NUMBER, Intent.ANGRY,
            Intent.SELLING, Intent.BUYING);

    /**
     * A training example: the folded text's features, the intents it is labelled with and a dense vector
     * read alongside them (a unit-length sentence embedding; empty for none).
     */
    record Example(int[] features, Set<Intent> intents, float[] dense) {
        Example(int[] features, Set<Intent> intents) {
            this(features, intents, new float[0]);
        }
    }

    /** Training knobs: passes over the data, AdaGrad step, L2 strength per update. */
    record Training(int epochs, double step, double l2, long seed) {
        static final Training DEFAULT = new Training(25, 0.4, 1e-5, 13L);
    }

    private final List<Intent> intents;
    private final float[] weights; // [intent * BUCKETS + bucket]
    private final float[] bias;
    private final float[] denseWeights; // [intent * dim + i]
    private final int dim;
    private final int buckets;

    private LearnedIntentModel(List<Intent> intents, float[] weights, float[] bias, float[] denseWeights, int dim, int buckets) {
        this.buckets = buckets;
        this.intents = intents;
        this.weights = weights;
        this.bias = bias;
        this.denseWeights = denseWeights;
        this.dim = dim;
    }

    /** The intents it scores, in the order of {@link #scores}. */
    List<Intent> intents() {
        return intents;
    }

    @Override
    public Map<Intent, Double> probabilities(String folded) {
        return probabilities(IntentFeatures.of(folded), new float[0]);
    }

    /** As above, from features already read and the dense vector the model was trained with. */
    Map<Intent, Double> probabilities(int[] features, float[] dense) {
        double[] p = scores(features, dense);
        Map<Intent, Double> out = new EnumMap<>(Intent.class);
        for (int k = 0; k < p.length; k++) {
            out.put(intents.get(k), p[k]);
        }
        return out;
    }

    /** Probabilities of each of {@link #intents()}, in that order, for a folded text. */
    double[] scores(String folded) {
        return scores(IntentFeatures.of(folded), new float[0]);
    }

    /** As above, from features already read and the dense vector the model was trained with (empty for none). */
    double[] scores(int[] features, float[] dense) {
        if (dense.length != dim) {
            throw new IllegalArgumentException("dense vector has " + dense.length + " values; the model was trained on " + dim);
        }
        double scale = 1.0 / Math.sqrt(Math.max(1, features.length));
        double[] p = new double[intents.size()];
        for (int k = 0; k < p.length; k++) {
            double z = bias[k];
            int base = k * buckets;
            for (int f : features) {
                z += weights[base + f] * scale;
            }
            for (int i = 0; i < dim; i++) {
                z += denseWeights[k * dim + i] * dense[i];
            }
            p[k] = 1.0 / (1.0 + Math.exp(-z));
        }
        return p;
    }

    static LearnedIntentModel train(List<Example> examples, Training t) {
        return train(examples, t, LEARNED);
    }

    /** As above, scoring {@code intents} (the leave-one-part-out protocol also tries every intent, OPT_OUT included). */
    static LearnedIntentModel train(List<Example> examples, Training t, List<Intent> intents) {
        return train(examples, t, intents, IntentFeatures.BUCKETS);
    }

    /** As above, over features folded into {@code buckets} ({@link IntentFeatures#of(String, int)}). */
    static LearnedIntentModel train(List<Example> examples, Training t, List<Intent> intents, int buckets) {
        int classes = intents.size();
        float[] w = new float[classes * buckets];
        float[] b = new float[classes];
        float[] g2 = new float[classes * buckets];
        float[] gb = new float[classes];
        int dim = examples.isEmpty() ? 0 : examples.get(0).dense().length;
        float[] d = new float[classes * dim];
        float[] gd = new float[classes * dim];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(t.seed());
        for (int epoch = 0; epoch < t.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Example e : order) {
                double scale = 1.0 / StrictMath.sqrt(Math.max(1, e.features().length));
                for (int k = 0; k < classes; k++) {
                    int base = k * buckets;
                    double z = b[k];
                    for (int f : e.features()) {
                        z += w[base + f] * scale;
                    }
                    for (int i = 0; i < dim; i++) {
                        z += d[k * dim + i] * e.dense()[i];
                    }
                    double y = e.intents().contains(intents.get(k)) ? 1 : 0;
                    double err = 1.0 / (1.0 + StrictMath.exp(-z)) - y;
                    for (int f : e.features()) {
                        int i = base + f;
                        double g = err * scale + t.l2() * w[i];
                        g2[i] += (float) (g * g);
                        w[i] -= (float) (t.step() * g / StrictMath.sqrt(g2[i] + 1e-8));
                    }
                    for (int i = 0; i < dim; i++) {
                        int j = k * dim + i;
                        double g = err * e.dense()[i] + t.l2() * d[j];
                        gd[j] += (float) (g * g);
                        d[j] -= (float) (t.step() * g / StrictMath.sqrt(gd[j] + 1e-8));
                    }
                    gb[k] += (float) (err * err);
                    b[k] -= (float) (t.step() * err / StrictMath.sqrt(gb[k] + 1e-8));
                }
            }
        }
        return new LearnedIntentModel(List.copyOf(intents), w, b, d, dim, buckets);
    }

    /** This model as the understander's {@link OtherIntentFallback} resource (float16 weights), naming intents from {@code threshold}. */
    byte[] asOtherFallback(double threshold) {
        return OtherIntentFallback.write(intents, buckets, dim, threshold, bias, weights, denseWeights);
    }

    /**
     * This model as the understander's {@link StackedIntentReader} resource (float16 weights): its dense part must be
     * {@link StackedIntentReader#denseFeatures} of an embedding of {@code embeddingDim} values.
     */
    byte[] asStackedReader(int embeddingDim, double add, double drop) {
        return StackedIntentReader.write(intents, buckets, embeddingDim, add, drop, bias, weights, denseWeights);
    }

    /** A training example of a message and its labelled intents. */
    static Example example(String text, Set<Intent> intents) {
        return new Example(IntentFeatures.of(FoldedText.of(text).folded()), intents);
    }
}
