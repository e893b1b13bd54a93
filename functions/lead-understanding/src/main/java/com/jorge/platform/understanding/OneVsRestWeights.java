package com.jorge.platform.understanding;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The weights of a one-vs-rest logistic regression over a message's hashed n-grams ({@link IntentFeatures}) and a dense
 * feature vector, as both learned intent models store and score them ({@link OtherIntentFallback},
 * {@link StackedIntentReader}): a bias per class, hashed weights {@code [k * buckets + bucket]} scaled by one over the
 * root of the message's feature count, dense weights {@code [k * denseDim + i]}. Biases are stored as float32, the rest
 * as float16, so what is read back is exactly the model that was scored when it was written.
 */
final class OneVsRestWeights {

    private final int buckets;
    private final int denseDim;
    private final float[] bias;
    private final float[] hashed;
    private final float[] dense;

    OneVsRestWeights(int classes, int buckets, int denseDim, float[] bias, float[] hashed, float[] dense) {
        if (bias.length != classes || hashed.length != classes * buckets || dense.length != classes * denseDim) {
            throw new IllegalArgumentException("model weights do not match its shape");
        }
        this.buckets = buckets;
        this.denseDim = denseDim;
        this.bias = bias;
        this.hashed = hashed;
        this.dense = dense;
    }

    static OneVsRestWeights read(DataInputStream in, int classes, int buckets, int denseDim) throws IOException {
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readFloat();
        }
        return new OneVsRestWeights(classes, buckets, denseDim, bias, halves(in, classes * buckets), halves(in, classes * denseDim));
    }

    void write(DataOutputStream out) throws IOException {
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float w : hashed) {
            out.writeShort(Float.floatToFloat16(w));
        }
        for (float w : dense) {
            out.writeShort(Float.floatToFloat16(w));
        }
    }

    private static float[] halves(DataInputStream in, int count) throws IOException {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = Float.float16ToFloat(in.readShort());
        }
        return out;
    }

    int buckets() {
        return buckets;
    }

    /** Each class's probability for a message's hashed features and its dense vector ({@code denseDim} values). */
    double[] probabilities(int[] features, float[] denseInput) {
        double scale = 1.0 / Math.sqrt(Math.max(1, features.length));
        double[] p = new double[bias.length];
        for (int k = 0; k < p.length; k++) {
            double z = bias[k];
            int base = k * buckets;
            for (int f : features) {
                z += hashed[base + f] * scale;
            }
            int d = k * denseDim;
            for (int i = 0; i < denseDim; i++) {
                if (denseInput[i] != 0f) {
                    z += dense[d + i] * denseInput[i];
                }
            }
            p[k] = 1.0 / (1.0 + Math.exp(-z));
        }
        return p;
    }
}
