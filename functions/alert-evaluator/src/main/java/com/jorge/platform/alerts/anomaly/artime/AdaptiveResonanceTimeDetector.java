package com.jorge.platform.alerts.anomaly.artime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ARTime (Mark Hampton, 2021; an adaptive-resonance detector after Grossberg and Carpenter's ART, built on a dual-vigilance
 * fuzzy ART), for one series, one point at a time. The algorithm is described in our own words in
 * functions/alert-evaluator/README.md ("A second published detector: ARTime"); this is not a translation of its AGPL
 * code. Every setting is
 * its author's ({@link #WINDOW}, {@link #WINDOWS_PER_PROBATION}, {@link #LEVELS}, {@link #SNAP}, {@link #INITIAL_VIGILANCE},
 * ...); the range and the file length are given, as NAB gives them (the whole file's min/max: look-ahead).
 *
 * <p>Product variants (ours, not the author's): {@link Scaling#RUNNING} normalises by the range seen so far instead of a
 * given one ({@link Scaling#REMAP} and {@link Scaling#HEADROOM} also map the remembered levels onto the range when
 * it moves), and values outside a given range sit on the end levels (the reference would fail on them);
 * {@code maxCategories > 0} bounds the category memory. Not thread-safe: one instance per series.
 */
public final class AdaptiveResonanceTimeDetector {

    /** Downsampled values in one feature window. */
    public static final int WINDOW = 8;
    /** Feature windows the probationary period is cut into (sets the downsampling step). */
    public static final int WINDOWS_PER_PROBATION = 13;
    /** A normalised value is rounded to one of the levels 0..LEVELS. */
    public static final int LEVELS = 80;
    /** A value this close to the running median level is taken as the median. */
    public static final double SNAP = 0.075;
    /** Vigilance used to estimate the first vigilance. */
    public static final double INITIAL_VIGILANCE = 0.80;
    /** The upper vigilance never exceeds this. */
    public static final double UPPER_CAP = 0.97;
    /** Steps after an anomaly during which only a much worse match counts (1.5 windows). */
    public static final int MASK = WINDOW * 3 / 2;

    /**
     * How a value is put on [0, 1]: {@link #GIVEN} by a given range; {@link #RUNNING} by the range of the points seen so
     * far, old categories and remembered values left on the old scale; {@link #REMAP} by the range seen so far, and when
     * it grows every remembered level (the window's values, the level halves of the categories' boxes and of the
     * probation's kept inputs, the median's level counts) is mapped onto the new range, so a known shape stays known;
     * {@link #HEADROOM} as {@code REMAP}, but the range is the one seen so far widened by {@link #HEADROOM_SHARE} of its
     * width on each side (the seen values fill the middle two thirds of the levels), moved (and the memory remapped)
     * only when a value falls outside it; {@link #REPLAY} (warm-up replay) keeps the probation's raw points
     * ({@link #probationPoints()}) and scores nothing, then fixes the range from their min/max widened as
     * {@code HEADROOM} does, replays them through the detector (so the whole probation is on one scale, as with a given
     * range) and goes on as {@code HEADROOM}. Nothing from the future is used by any but {@code GIVEN}.
     */
    public enum Scaling { GIVEN, RUNNING, REMAP, HEADROOM, REPLAY }

    /**
     * {@link Scaling#HEADROOM}'s widening on each side, as a share of the range seen: a quarter, so the seen range is two
     * thirds of the levels, as the probationary rows' range is of the whole file's (a median of 0.66 on the 20 tuning
     * series, measured without scoring anything).
     */
    public static final double HEADROOM_SHARE = 0.25;

    private static final double HAAR = haarCoefficient();
    private static final int ENCODING_VERSION = 4;

    private final Scaling scaling;
    private double min;
    private double max;
    private double seenMin = Double.POSITIVE_INFINITY;
    private double seenMax = Double.NEGATIVE_INFINITY;
    private final int downsample;
    private final int trendWindow;
    private final DualVigilanceArt art;

    // downsampling and levels
    private final double[] block;
    private long point;
    private int stepNo;
    private double movingAverage;
    private final double[] levelCounts = new double[LEVELS + 1]; // whole counts, except after a remap
    private int medianLevel;
    private double belowMedian;
    private double aboveMedian;
    private final double[] recent = new double[WINDOW];
    /** Whether the last block's value was at or above the running block average before it (not kept: read after {@link #score}). */
    private boolean lastRising;

    // probation: features kept until the first vigilance can be estimated
    private List<double[]> probation = new ArrayList<>();
    // REPLAY's warm-up: the probation's raw points, kept until its end (null otherwise, and after it)
    private double[] warmup;
    private int warmupCount;

    // vigilance control
    private long lastAnomaly;
    private double lastAnomalySimilarity;
    private long lastVigilanceUpdate;
    private boolean maskAfterNew;
    private long sinceNovel;
    private long bestCount;
    private double bestMean;
    private final double[] similarities;
    private final double[] shortfalls;
    // the similarities of the anomalies reported so far, kept as the sum of all but the newest (added in order, so the
    // mean is bit for bit the reference's sum over the whole list) and the newest, which a worse match while masked
    // still lowers: bounded state, where the reference keeps a list that grows with every anomaly
    private double anomalySumBeforeNewest;
    private double newestAnomalySimilarity;
    private long anomalyCount;

    /** NAB's way: the given range is the whole file's, {@code rows} the file's length. */
    public AdaptiveResonanceTimeDetector(double min, double max, int rows) {
        this(min, max, rows, Scaling.GIVEN, 0);
    }

    /**
     * @param rows          the series' length as NAB gives it (sets the probationary period: 15 % of it, at most 750)
     * @param scaling       {@link Scaling#GIVEN}: {@code min}/{@code max} as given; {@link Scaling#RUNNING}: the range of
     *                      the points seen so far ({@code min}, {@code max} ignored)
     * @param maxCategories at most this many categories (0: unbounded, the author's)
     */
    public AdaptiveResonanceTimeDetector(double min, double max, int rows, Scaling scaling, int maxCategories) {
        this(scaling, scaling != Scaling.GIVEN ? Double.POSITIVE_INFINITY : min, scaling != Scaling.GIVEN ? Double.NEGATIVE_INFINITY : max,
                downsampleFor(rows), probationRows(rows) / downsampleFor(rows), new DualVigilanceArt(2 * WINDOW, 0, 0, maxCategories));
    }

    private AdaptiveResonanceTimeDetector(Scaling scaling, double min, double max, int downsample, int trendWindow, DualVigilanceArt art) {
        this.scaling = scaling;
        this.min = min;
        this.max = max;
        this.downsample = downsample;
        this.trendWindow = trendWindow;
        this.block = new double[downsample];
        this.similarities = new double[trendWindow / 2 + 1];
        Arrays.fill(similarities, 1.0);
        this.shortfalls = new double[trendWindow + 1];
        this.art = art;
        if (scaling == Scaling.REPLAY) this.warmup = new double[downsample * trendWindow];
    }

    /** Step 1's probationary length: 15 % of the rows (750 from 5,000 rows on), made even. */
    private static int probationRows(int rows) {
        int p = rows < 5000 ? (int) Math.floor(0.15 * rows) : 750;
        return p - p % 2;
    }

    /** The downsampling step ARTime takes for a series said to have {@code rows} rows (5 at 4,032 rows, 7 from 5,000 on). */
    public static int stepFor(int rows) {
        return downsampleFor(rows);
    }

    private static int downsampleFor(int rows) {
        return Math.max(1, probationRows(rows) / (WINDOW * WINDOWS_PER_PROBATION));
    }

    /** The anomaly score for the next point: non-zero only on the last point of a downsampling block. */
    public double score(double value) {
        if (warmup != null) {
            warmup[warmupCount++] = value;
            if (warmupCount < warmup.length) return 0;
            double[] kept = warmup;
            warmup = null;
            warmupCount = 0;
            double lo = kept[0], hi = kept[0];
            for (double v : kept) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double w = hi - lo;
            seenMin = lo;
            seenMax = hi;
            min = lo - HEADROOM_SHARE * w;
            max = hi + HEADROOM_SHARE * w;
            double last = 0;
            for (double v : kept) last = scoreOne(v);
            return last; // the probation's last point: 0
        }
        return scoreOne(value);
    }

    private double scoreOne(double value) {
        point++;
        System.arraycopy(block, 1, block, 0, block.length - 1);
        block[block.length - 1] = value;
        if (scaling == Scaling.RUNNING) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        } else if (scaling == Scaling.REMAP && (value < min || value > max)) {
            remap(Math.min(min, value), Math.max(max, value));
        } else if (scaling == Scaling.HEADROOM || scaling == Scaling.REPLAY) {
            seenMin = Math.min(seenMin, value);
            seenMax = Math.max(seenMax, value);
            if (value < min || value > max) {
                double w = seenMax - seenMin;
                remap(seenMin - HEADROOM_SHARE * w, seenMax + HEADROOM_SHARE * w);
            }
        }
        if (point % downsample != 0) return 0;
        stepNo++;
        double[] features = features(downsampled());
        double anomaly = 0;
        if (stepNo <= trendWindow) {
            probation.add(features);
            if (stepNo == trendWindow) {
                double rho = initialVigilance();
                art.vigilances(rho, rho);
                for (int i = 0; i < probation.size(); i++) step(probation.get(i), i + 1);
                probation = null;
            }
        } else {
            anomaly = step(features, stepNo);
        }
        return anomaly;
    }

    /**
     * The range seen so far grew to [newMin, newMax]: a remembered level v (on the old range) stands for the raw value
     * min + v (max - min); it is put where that raw value sits on the new range. The shape half of an input is
     * level-free and stays; level counts are split between the two new levels nearest their mapped place (no count is
     * lost and many small growths do not round back to the old level); the median goes to its mapped level.
     */
    private void remap(double newMin, double newMax) {
        if (Double.isInfinite(min)) { // the first point: nothing remembered yet
            min = newMin;
            max = newMax;
            return;
        }
        double oldMin = min, oldRange = max - min, newRange = newMax - newMin;
        min = newMin;
        max = newMax;
        java.util.function.DoubleUnaryOperator f = v -> {
            double raw = oldMin + v * oldRange;
            double mapped = newRange != 0 ? (raw - newMin) / newRange : raw - newMin;
            return Math.max(0.0, Math.min(1.0, mapped));
        };
        for (int k = 0; k < WINDOW; k++) recent[k] = f.applyAsDouble(recent[k]);
        art.remapLevels(WINDOW, f);
        if (probation != null) {
            for (int j = WINDOW - 1; j < probation.size(); j++) { // steps before the 8th keep their zeros
                double[] kept = probation.get(j);
                for (int k = WINDOW; k < 2 * WINDOW; k++) kept[k] = f.applyAsDouble(kept[k]);
            }
        }
        if (stepNo == 0) return;
        double[] counts = new double[LEVELS + 1];
        for (int l = 0; l <= LEVELS; l++) {
            if (levelCounts[l] == 0) continue;
            double t = f.applyAsDouble(l / (double) LEVELS) * LEVELS;
            int lo = (int) Math.floor(t);
            double share = t - lo;
            if (lo >= LEVELS) {
                counts[LEVELS] += levelCounts[l];
            } else {
                counts[lo] += levelCounts[l] * (1 - share);
                counts[lo + 1] += levelCounts[l] * share;
            }
        }
        System.arraycopy(counts, 0, levelCounts, 0, counts.length);
        medianLevel = (int) Math.rint(f.applyAsDouble(medianLevel / (double) LEVELS) * LEVELS);
        belowMedian = 0;
        aboveMedian = 0;
        for (int l = 0; l < medianLevel; l++) belowMedian += levelCounts[l];
        for (int l = medianLevel + 1; l <= LEVELS; l++) aboveMedian += levelCounts[l];
    }

    /** Step 1: one value for the block, normalised, put on a level and drawn to the running median. */
    private double downsampled() {
        double total = block[0];
        double hi = block[0], lo = block[0];
        for (int k = 1; k < block.length; k++) {
            total += block[k];
            hi = Math.max(hi, block[k]);
            lo = Math.min(lo, block[k]);
        }
        double mean = total / block.length;
        if (stepNo == 1) movingAverage = mean;
        double before = movingAverage;
        movingAverage = (movingAverage + mean) / 2;
        double v = Math.abs(hi - movingAverage) < Math.abs(lo - movingAverage) ? lo : hi;
        if (Math.abs(v - mean) < 0.1 * mean) v = mean;
        lastRising = v >= before;
        v = v - min;
        if (max - min != 0) v = v / (max - min);
        int level = (int) Math.rint(v * LEVELS);
        level = Math.max(0, Math.min(LEVELS, level)); // only outside a given range (never in NAB's runs)
        v = level / (double) LEVELS;
        levelCounts[level]++;
        int half = stepNo / 2;
        if (stepNo == 1) medianLevel = level;
        if (medianLevel > level) belowMedian++;
        else if (medianLevel < level) aboveMedian++;
        if (half < aboveMedian) {
            belowMedian += levelCounts[medianLevel];
            medianLevel++;
            while (medianLevel < LEVELS && levelCounts[medianLevel] == 0) medianLevel++;
            aboveMedian -= levelCounts[medianLevel];
        } else if (half < belowMedian) {
            aboveMedian += levelCounts[medianLevel];
            medianLevel--;
            while (medianLevel > 0 && levelCounts[medianLevel] == 0) medianLevel--;
            belowMedian -= levelCounts[medianLevel];
        }
        double median = medianLevel / (double) LEVELS;
        if (Math.abs(v - median) < SNAP) v = median;
        return v;
    }

    /** Step 2: the window's shape (Haar wavelet of the min-max scaled window, itself min-max scaled) and its values. */
    private double[] features(double v) {
        System.arraycopy(recent, 1, recent, 0, WINDOW - 1);
        recent[WINDOW - 1] = v;
        double[] out = new double[2 * WINDOW];
        if (stepNo < WINDOW) return out;
        double[] shape = scaled(recent.clone());
        double[] wavelet = scaled(haar(shape));
        System.arraycopy(wavelet, 0, out, 0, WINDOW);
        System.arraycopy(recent, 0, out, WINDOW, WINDOW);
        return out;
    }

    private static double[] scaled(double[] v) {
        double lo = v[0];
        for (double d : v) lo = Math.min(lo, d);
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.length; k++) {
            v[k] = v[k] - lo;
            hi = Math.max(hi, v[k]);
        }
        if (hi != 0) for (int k = 0; k < v.length; k++) v[k] = v[k] / hi;
        return v;
    }

    /** Full Haar transform of 8 values: [coarse average, coarse detail, 2 middle details, 4 fine details]. */
    static double[] haar(double[] x) {
        double[] out = new double[x.length];
        double[] s = x.clone();
        for (int n = x.length; n > 1; n /= 2) {
            double[] next = new double[n / 2];
            for (int k = 0; k < n / 2; k++) {
                double a = s[2 * k], b = s[2 * k + 1];
                next[k] = HAAR * a + HAAR * b;
                out[n / 2 + k] = -HAAR * a + HAAR * b; // the later value minus the earlier one
            }
            s = next;
        }
        out[0] = s[0];
        return out;
    }

    private static double haarCoefficient() {
        double c = 0.7071067811865475; // the filter as tabulated, then scaled to unit length as the reference's library does
        return c / Math.sqrt(c * c + c * c);
    }

    /** Step 3: the first vigilance, from a trial run over the probation's full windows, least typical first. */
    private double initialVigilance() {
        List<double[]> cols = probation.subList(WINDOW - 1, trendWindow);
        int n = cols.size();
        double[] typical = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += i == j ? 1.0 : cosine(cols.get(i), cols.get(j));
            typical[i] = s;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(typical[a], typical[b])); // stable: ties keep their order
        DualVigilanceArt trial = new DualVigilanceArt(2 * WINDOW, INITIAL_VIGILANCE, INITIAL_VIGILANCE, 0);
        double[] best = new double[n];
        for (int i = 0; i < n; i++) best[i] = trial.present(cols.get(order[i]), true).best();
        double s = 0;
        int from = trendWindow / 2 - 1;
        for (int i = from; i < n; i++) s += best[i];
        return s / (n - from);
    }

    private static double cosine(double[] a, double[] b) {
        double na = norm(a), nb = norm(b);
        if (na == 0) return 1 - nb;
        if (nb == 0) return 1 - na;
        double dot = a[0] * b[0];
        for (int k = 1; k < a.length; k++) dot += a[k] * b[k];
        return dot / (na * nb);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) s += d * d;
        return Math.sqrt(s);
    }

    /** Steps 4-6: match, decide, adapt the vigilances. */
    private double step(double[] f, long i) {
        boolean updateAfterAnomaly = i - lastAnomaly == MASK;
        boolean updateForTrend = i - lastVigilanceUpdate >= trendWindow / 2;
        boolean maskAfterAnomaly = i - lastAnomaly <= MASK;
        if (i > trendWindow + MASK && maskAfterNew && sinceNovel >= MASK) maskAfterNew = false;
        DualVigilanceArt.Outcome o = art.present(f, i >= WINDOW);
        boolean novel = i < WINDOW || o.novel();
        sinceNovel = novel ? 0 : sinceNovel + 1;
        double a = o.best();
        bestCount++;
        bestMean = bestMean + (1.0 / bestCount) * (a - bestMean);
        System.arraycopy(similarities, 1, similarities, 0, similarities.length - 1);
        similarities[similarities.length - 1] = a;
        System.arraycopy(shortfalls, 1, shortfalls, 0, shortfalls.length - 1);
        shortfalls[shortfalls.length - 1] = art.upper() - a;
        if (i - lastAnomaly < MASK && anomalyCount > 0 && a < newestAnomalySimilarity) newestAnomalySimilarity = a;
        boolean masking = maskAfterNew || maskAfterAnomaly;
        boolean muchWorse = a < lastAnomalySimilarity * (maskAfterAnomaly ? 0.90 : 0.70);
        double anomaly = 0;
        if (i > trendWindow && novel && (!masking || muchWorse)) {
            anomaly = confidence(a, o.bestEnergy());
            if (anomalyCount > 0) anomalySumBeforeNewest += newestAnomalySimilarity;
            newestAnomalySimilarity = a;
            anomalyCount++;
            lastAnomalySimilarity = a;
            lastAnomaly = i;
        }
        maskAfterNew = novel || maskAfterNew;
        if (i > trendWindow && (updateAfterAnomaly || updateForTrend)) {
            double worst = similarities[0];
            for (double d : similarities) worst = Math.min(worst, d);
            double upper = Math.min(UPPER_CAP, bestMean);
            double lower = art.lower();
            if (lower <= worst) {
                lower = lower + (worst - lower) * 0.19;
            } else {
                double decrease = 0;
                if (i > 2L * trendWindow) {
                    double s = 0;
                    int n = 0;
                    for (double d : shortfalls) {
                        if (d > 0.05) {
                            s += Math.min(0.37, d);
                            n++;
                        }
                    }
                    if (n > 0) decrease = s / n;
                }
                decrease = Math.max(0.01, decrease);
                lower = lower - decrease / 2;
                if (anomalyCount > 0) lower = Math.max((anomalySumBeforeNewest + newestAnomalySimilarity) / anomalyCount, lower);
            }
            lower = Math.min(upper, lower);
            art.vigilances(lower, upper);
            lastVigilanceUpdate = i;
            maskAfterNew = true;
        }
        return anomaly;
    }

    /** How far under the vigilances the match fell, and how badly the newest value fits; rounded to 6 decimals. */
    private double confidence(double similarity, double energy) {
        double s = Math.min(0.999, similarity);
        double gap = 1 - s;
        double upper = (gap - (1 - art.upper())) / gap;
        double lower = (gap - (1 - art.lower())) / gap;
        double c = (upper * 0.35 + lower * 0.65) + (1.0 - energy) * 1.5;
        c = Math.min(1.0, c);
        return Math.rint(c * 1e6) / 1e6;
    }

    /**
     * The whole state, deflated and Base64-encoded (what a Redis value would hold); {@link #decode} gives a detector
     * that scores every later point exactly as this one.
     */
    public String encode() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes))) {
            out.writeByte(ENCODING_VERSION);
            out.writeByte(scaling.ordinal());
            out.writeDouble(min);
            out.writeDouble(max);
            out.writeDouble(seenMin);
            out.writeDouble(seenMax);
            out.writeInt(downsample);
            out.writeInt(trendWindow);
            art.write(out);
            for (double d : block) out.writeDouble(d);
            out.writeLong(point);
            out.writeInt(stepNo);
            out.writeDouble(movingAverage);
            for (double c : levelCounts) out.writeDouble(c);
            out.writeInt(medianLevel);
            out.writeDouble(belowMedian);
            out.writeDouble(aboveMedian);
            for (double d : recent) out.writeDouble(d);
            out.writeInt(probation == null ? -1 : probation.size());
            if (probation != null) for (double[] f : probation) for (double d : f) out.writeDouble(d);
            out.writeLong(lastAnomaly);
            out.writeDouble(lastAnomalySimilarity);
            out.writeLong(lastVigilanceUpdate);
            out.writeBoolean(maskAfterNew);
            out.writeLong(sinceNovel);
            out.writeLong(bestCount);
            out.writeDouble(bestMean);
            for (double d : similarities) out.writeDouble(d);
            for (double d : shortfalls) out.writeDouble(d);
            out.writeLong(anomalyCount);
            out.writeDouble(anomalySumBeforeNewest);
            out.writeDouble(newestAnomalySimilarity);
            out.writeInt(warmup == null ? -1 : warmupCount);
            if (warmup != null) for (int k = 0; k < warmupCount; k++) out.writeDouble(warmup[k]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The detector {@link #encode} wrote; a damaged or foreign encoding is refused ({@link IllegalArgumentException}). */
    public static AdaptiveResonanceTimeDetector decode(String encoded) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.util.zip.InflaterInputStream(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(encoded))))) {
            if (in.readByte() != ENCODING_VERSION) throw new IllegalArgumentException("not an ARTime state of version " + ENCODING_VERSION);
            int scaling = in.readByte();
            if (scaling < 0 || scaling >= Scaling.values().length) throw new IllegalArgumentException("bad scaling " + scaling);
            double min = in.readDouble(), max = in.readDouble(), seenMin = in.readDouble(), seenMax = in.readDouble();
            int downsample = in.readInt(), trendWindow = in.readInt();
            if (downsample < 1 || downsample > 1000 || trendWindow < WINDOW || trendWindow > 100_000) {
                throw new IllegalArgumentException("bad step " + downsample + " or trend window " + trendWindow);
            }
            AdaptiveResonanceTimeDetector d = new AdaptiveResonanceTimeDetector(Scaling.values()[scaling], min, max, downsample, trendWindow,
                    DualVigilanceArt.read(in));
            d.seenMin = seenMin;
            d.seenMax = seenMax;
            for (int k = 0; k < d.block.length; k++) d.block[k] = in.readDouble();
            d.point = in.readLong();
            d.stepNo = in.readInt();
            d.movingAverage = in.readDouble();
            for (int k = 0; k < d.levelCounts.length; k++) d.levelCounts[k] = in.readDouble();
            d.medianLevel = in.readInt();
            d.belowMedian = in.readDouble();
            d.aboveMedian = in.readDouble();
            if (d.medianLevel < 0 || d.medianLevel > LEVELS) throw new IllegalArgumentException("bad median level " + d.medianLevel);
            for (int k = 0; k < WINDOW; k++) d.recent[k] = in.readDouble();
            int kept = in.readInt();
            if (kept > trendWindow || kept < -1) throw new IllegalArgumentException("bad probation count " + kept);
            d.probation = kept < 0 ? null : new ArrayList<>();
            for (int j = 0; j < kept; j++) {
                double[] f = new double[2 * WINDOW];
                for (int k = 0; k < f.length; k++) f[k] = in.readDouble();
                d.probation.add(f);
            }
            d.lastAnomaly = in.readLong();
            d.lastAnomalySimilarity = in.readDouble();
            d.lastVigilanceUpdate = in.readLong();
            d.maskAfterNew = in.readBoolean();
            d.sinceNovel = in.readLong();
            d.bestCount = in.readLong();
            d.bestMean = in.readDouble();
            for (int k = 0; k < d.similarities.length; k++) d.similarities[k] = in.readDouble();
            for (int k = 0; k < d.shortfalls.length; k++) d.shortfalls[k] = in.readDouble();
            d.anomalyCount = in.readLong();
            if (d.anomalyCount < 0) throw new IllegalArgumentException("bad anomaly count " + d.anomalyCount);
            d.anomalySumBeforeNewest = in.readDouble();
            d.newestAnomalySimilarity = in.readDouble();
            int warm = in.readInt();
            if (warm < -1 || warm > downsample * trendWindow - 1 || (warm >= 0 && (d.scaling != Scaling.REPLAY
                    || d.point != 0 || d.probation == null || !d.probation.isEmpty())) || (warm < 0 && d.scaling == Scaling.REPLAY && d.point == 0)) {
                throw new IllegalArgumentException("bad warm-up count " + warm);
            }
            if (warm < 0) d.warmup = null;
            for (int k = 0; k < warm; k++) d.warmup[k] = in.readDouble();
            d.warmupCount = Math.max(0, warm);
            if (in.read() != -1) throw new IllegalArgumentException("trailing bytes");
            return d;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("damaged ARTime state", e);
        }
    }

    /**
     * The side of the last scored block (ARTime itself has none): whether its value (the block's extreme, or its mean when
     * the extreme is within 10 % of it) was at or above the running average of the blocks before it. Meaningful right
     * after a {@link #score} that ended a block; not part of the encoded state.
     */
    public boolean lastRising() {
        return lastRising;
    }

    /** Whether the last point fed ended a downsampling block (the only points ARTime scores). */
    public boolean blockEnded() {
        return point > 0 && point % downsample == 0;
    }

    /** Whether the detector is still in its probationary period (it scores nothing until the first vigilance is set). */
    public boolean inProbation() {
        return probation != null;
    }

    /** Points in the probationary period (the downsampling step times the probation's blocks). */
    public int probationPoints() {
        return downsample * trendWindow;
    }

    /** Categories remembered now. */
    public int categories() {
        return art.categories();
    }

    /**
     * Bytes a compact encoding of the state needs: the categories, the feature buffer while in probation, and the fixed
     * windows and counters.
     */
    public long stateBytes() {
        long fixed = (long) (block.length + recent.length + similarities.length + shortfalls.length + 2) * Double.BYTES
                + (long) levelCounts.length * Double.BYTES + 96;
        long buffered = probation == null ? 0 : (long) probation.size() * 2 * WINDOW * Double.BYTES;
        if (warmup != null) buffered += (long) warmupCount * Double.BYTES;
        return art.stateBytes() + fixed + buffered;
    }
}
