package com.jorge.platform.alerts.anomaly.artime;

import java.util.ArrayList;
import java.util.List;

/**
 * A dual-vigilance fuzzy ART memory of complement-coded inputs (after Carpenter and Grossberg's fuzzy ART, with the two
 * vigilances of dual-vigilance fuzzy ART), with ARTime's similarity (step 5 of the README's description): the share of
 * a category's box the input fills, cubed, times the same share for the newest value's pair alone, squared. Described in
 * our own words in functions/alert-evaluator/README.md ("A second published detector: ARTime").
 *
 * <p>Optionally bounded ({@code maxCategories > 0}, our change, not ARTime's): a new category then replaces the one that
 * was the best match longest ago. Not thread-safe.
 */
final class DualVigilanceArt {

    /** What one input did. */
    record Outcome(double best, double bestEnergy, boolean novel) {}

    private final int dim;
    private final int maxCategories;
    private final List<double[]> boxes = new ArrayList<>();
    private final List<long[]> lastBest = new ArrayList<>();
    private double lower;
    private double upper;
    private long step;

    DualVigilanceArt(int dim, double lower, double upper, int maxCategories) {
        this.dim = dim;
        this.lower = lower;
        this.upper = upper;
        this.maxCategories = maxCategories;
    }

    void vigilances(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    double lower() {
        return lower;
    }

    double upper() {
        return upper;
    }

    int categories() {
        return boxes.size();
    }

    /**
     * One input of {@code dim} values in [0, 1]. The very first input of a memory only creates the all-ones category and
     * reports a best match of 0 (the reference skips it). Without {@code learn} nothing changes and the input is not
     * novel.
     */
    Outcome present(double[] input, boolean learn) {
        step++;
        double[] x = new double[2 * dim];
        for (int k = 0; k < dim; k++) {
            x[k] = input[k];
            x[dim + k] = 1 - input[k];
        }
        if (boxes.isEmpty()) {
            double[] ones = new double[2 * dim];
            java.util.Arrays.fill(ones, 1.0);
            add(ones);
            return new Outcome(0, 0, false);
        }
        int n = boxes.size();
        double[] match = new double[n];
        double[] energy = new double[n];
        int first = -1;
        boolean anyNaN = false;
        for (int j = 0; j < n; j++) {
            double[] w = boxes.get(j);
            double covered = 0, size = 0;
            for (int k = 0; k < 2 * dim; k++) {
                covered += Math.min(x[k], w[k]);
                size += w[k];
            }
            if (size == 0) size = 0.001;
            double fill = covered / size;
            double e = (Math.min(x[dim - 1], w[dim - 1]) + Math.min(x[2 * dim - 1], w[2 * dim - 1])) / (w[dim - 1] + w[2 * dim - 1]);
            match[j] = fill * fill * fill * (e * e);
            energy[j] = e;
            if (Double.isNaN(match[j])) anyNaN = true;
            else if (first < 0 || match[j] > match[first]) first = j;
        }
        if (anyNaN && learn) {
            // an undefined match sorts first and stops the search at once: the input is novel
            add(x);
            return new Outcome(0, 0, true);
        }
        double best = first >= 0 && match[first] > 0 ? match[first] : 0;
        double bestEnergy = first >= 0 && match[first] > 0 ? energy[first] : 0;
        if (first >= 0 && match[first] > 0) lastBest.get(first)[0] = step;
        if (!learn) return new Outcome(best, bestEnergy, false);
        if (first >= 0 && match[first] >= upper) {
            for (int j = 0; j < n; j++) {
                if (match[j] >= upper) {
                    double[] w = boxes.get(j);
                    for (int k = 0; k < 2 * dim; k++) w[k] = Math.min(x[k], w[k]);
                }
            }
            return new Outcome(best, bestEnergy, false);
        }
        boolean known = first >= 0 && match[first] >= lower;
        add(x);
        return new Outcome(best, bestEnergy, !known);
    }

    private void add(double[] box) {
        if (maxCategories > 0 && boxes.size() >= maxCategories) {
            int oldest = 0;
            for (int j = 1; j < boxes.size(); j++) if (lastBest.get(j)[0] < lastBest.get(oldest)[0]) oldest = j;
            boxes.remove(oldest);
            lastBest.remove(oldest);
        }
        boxes.add(box);
        lastBest.add(new long[] {step});
    }

    /**
     * The range behind inputs {@code from..dim-1} changed: each category's interval on them, [w, 1 - w complement], is
     * mapped by {@code f} (increasing); a dimension no input has shrunk yet (the all-ones category's empty interval) stays.
     */
    void remapLevels(int from, java.util.function.DoubleUnaryOperator f) {
        for (double[] w : boxes) {
            for (int k = from; k < dim; k++) {
                double lo = w[k], hi = 1 - w[dim + k];
                if (lo > hi) continue;
                w[k] = f.applyAsDouble(lo);
                w[dim + k] = 1 - f.applyAsDouble(hi);
            }
        }
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(dim);
        out.writeInt(maxCategories);
        out.writeDouble(lower);
        out.writeDouble(upper);
        out.writeLong(step);
        out.writeInt(boxes.size());
        for (int j = 0; j < boxes.size(); j++) {
            for (double d : boxes.get(j)) out.writeDouble(d);
            out.writeLong(lastBest.get(j)[0]);
        }
    }

    static DualVigilanceArt read(java.io.DataInputStream in) throws java.io.IOException {
        int dim = in.readInt();
        int maxCategories = in.readInt();
        if (dim <= 0 || dim > 1024 || maxCategories < 0) throw new java.io.IOException("bad memory header");
        DualVigilanceArt art = new DualVigilanceArt(dim, in.readDouble(), in.readDouble(), maxCategories);
        art.step = in.readLong();
        int n = in.readInt();
        if (n < 0 || (maxCategories > 0 && n > maxCategories)) throw new java.io.IOException("bad category count " + n);
        for (int j = 0; j < n; j++) {
            double[] box = new double[2 * dim];
            for (int k = 0; k < box.length; k++) box[k] = in.readDouble();
            art.boxes.add(box);
            art.lastBest.add(new long[] {in.readLong()});
        }
        return art;
    }

    /** Bytes a compact encoding of the categories needs (one double per value, one long per category). */
    long stateBytes() {
        return (long) boxes.size() * (2L * dim * Double.BYTES + Long.BYTES);
    }
}
