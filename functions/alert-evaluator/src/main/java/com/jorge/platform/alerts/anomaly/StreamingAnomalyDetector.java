package com.jorge.platform.alerts.anomaly;

/**
 * A streaming anomaly detector, one point at a time, no look-ahead, its memory bounded by the settings
 * ({@link SeriesMemory}). An ensemble of parts that each catch what the others miss:
 * <ul>
 *   <li><b>spike</b>: the value, or its first difference, far outside the window's Gaussian baseline (NAB's
 *   windowedGaussian, on the values and on their changes, so a jump inside the usual range still counts), and beyond
 *   everything the window holds by a margin: a spike the window has already shown (a nightly job) is not news;</li>
 *   <li><b>likelihood</b>: the mean of the last {@value AnomalySettings#RECENT} tail scores (erf of |z|) against its own
 *   long-run distribution: NAB's/HTM's anomaly likelihood, which turns a noisy raw score into "unusual for this
 *   series" and catches a sustained shift that no single point makes obvious;</li>
 *   <li><b>distribution</b> (relative entropy, Wang et al. 2011, as in NAB's detector): the histogram of the last points
 *   matches none of the histograms this series has shown before (G test against each), and is unlike the whole
 *   window's histogram too (so plain noise, which now and then makes a new histogram, does not alert).</li>
 *   <li><b>seasonal</b>: the residual against a robust daily baseline ({@link SeasonalProfile}, per time of day),
 *   through its own anomaly likelihood: what the series does not usually do at this time of day (a missing daily peak
 *   stays inside the window's range, so the parts above cannot see it);</li>
 *   <li><b>resonance</b>: an ARTime-like fuzzy ART over short windows of downsampled values and their wavelet
 *   ({@link ResonanceNovelty}): a window shape this series has not shown, with its newest point off the window's mean
 *   (a shape change inside the usual range, which none of the parts above sees);</li>
 *   <li><b>sequence</b> (off by default: it did not earn its keep on the tuning part): an HTM-like order-2 model of
 *   which bin follows which two, its surprise turned into an anomaly likelihood as above;</li>
 *   <li><b>change point</b> (off by default, likewise): a two-sided CUSUM of the window's z.</li>
 * </ul>
 * After an alert the series stays quiet for {@code quiet} points: one incident, one alert (NAB scores only the first
 * detection in a window and charges every other alert).
 */
public final class StreamingAnomalyDetector {

    private final AnomalySettings settings;

    public StreamingAnomalyDetector(AnomalySettings settings) {
        this.settings = settings;
    }

    public AnomalySettings settings() {
        return settings;
    }

    public SeriesMemory newMemory() {
        return new SeriesMemory(settings);
    }

    /** Feeds one point; a NaN or infinite value, or one not after the last point seen, is skipped and changes nothing. */
    public AnomalyReading observe(SeriesMemory m, long epochSecond, double value) {
        if (!Double.isFinite(value) || epochSecond <= m.lastEpoch) return AnomalyReading.SKIPPED;
        long gap = m.lastEpoch == Long.MIN_VALUE ? 60 : epochSecond - m.lastEpoch;
        m.lastEpoch = epochSecond;
        m.seen++;
        m.low = Math.min(m.low, value);
        m.high = Math.max(m.high, value);
        if (m.count() < 8) {
            m.add(value);
            return AnomalyReading.QUIET;
        }
        double z = gaussianZ(m, value);
        boolean spike = settings.spike() && Math.abs(z) >= settings.spikeZ() && newExtreme(m, value);
        double score = erf(Math.abs(z) / Math.sqrt(2));
        double likelihoodZ = m.valueLikelihood.observe(score, settings.halfLife());
        double sequenceZ = settings.sequence() ? m.sequenceLikelihood.observe(surprise(m, value), settings.halfLife()) : 0;
        double seasonalZ = settings.season() ? seasonal(m, epochSecond, gap, value) : 0;
        double shift = settings.cusum() ? cusum(m, z) : 0;
        m.add(value);
        // after the value joins the ring: the block it closes is normalised over a range (and median) that includes it
        boolean novelWindow = settings.resonance().on() && m.resonance.observe(m, value);
        boolean novelShape = settings.entropy() && novelDistribution(m);

        Cause cause = Cause.NONE;
        if (spike) cause = Cause.SPIKE;
        else if (settings.likelihood() && likelihoodZ >= settings.likelihoodZ()) cause = Cause.LIKELIHOOD;
        else if (seasonalZ >= settings.seasonZ()) cause = Cause.SEASONAL;
        else if (shift != 0) cause = Cause.CHANGE_POINT;
        else if (settings.sequence() && sequenceZ >= settings.sequenceZ()) cause = Cause.SEQUENCE;
        // a novel shape alerts when its newest point is also off the window's mean (noise makes new shapes too), and not
        // on a sparse counter (mostly one value: its first events are new shapes, not incidents)
        else if (novelWindow && Math.abs(z) >= settings.resonance().z() && !mostlyOneValue(m)) cause = Cause.RESONANCE;
        else if (novelShape) cause = Cause.DISTRIBUTION;
        boolean rising = switch (cause) {
            case DISTRIBUTION, SEQUENCE, RESONANCE -> value >= mean(m);
            case SEASONAL -> m.season.lastResidual >= 0;
            case CHANGE_POINT -> shift > 0;
            default -> z >= 0;
        };
        if (m.quietLeft > 0 || m.seen < settings.warmup()) {
            if (m.quietLeft > 0) m.quietLeft--;
            return new AnomalyReading(z, likelihoodZ, Cause.NONE, rising);
        }
        if (cause != Cause.NONE) {
            m.quietLeft = settings.quiet();
            m.cusumHigh = 0;
            m.cusumLow = 0;
        }
        return new AnomalyReading(z, likelihoodZ, cause, rising);
    }

    /**
     * The seasonal part: the value's residual against its time-of-day bin, as a tail score, through its own anomaly
     * likelihood (so a series whose days differ a lot does not alert on every day); 0 while the bin still learns.
     */
    private double seasonal(SeriesMemory m, long epochSecond, long gap, double value) {
        double floor = Math.max(settings.rangeFloor() * (m.high - m.low), 1e-9 * Math.max(1.0, Math.abs(value)));
        double r = m.season.observe(epochSecond, gap, value, settings.seasonAlpha(), floor);
        // a sparse counter (mostly one value) has no daily shape to be off: its blips are the distribution part's
        if (Double.isNaN(r) || mostlyOneValue(m)) return 0;
        return m.seasonLikelihood.observe(erf(Math.abs(r) / Math.sqrt(2)), settings.halfLife());
    }

    /**
     * The change-point part: a two-sided CUSUM of the window's z (Page 1954), allowance cusumK a point; the side that
     * reaches cusumH answers (+1 up, -1 down), else 0. Each side is capped at the level, so its state stays bounded
     * and a long-gone shift is forgotten at the allowance's pace.
     */
    private double cusum(SeriesMemory m, double z) {
        double h = settings.cusumH(), k = settings.cusumK();
        m.cusumHigh = Math.min(h, Math.max(0, m.cusumHigh + z - k));
        m.cusumLow = Math.min(h, Math.max(0, m.cusumLow - z - k));
        if (m.cusumHigh >= h) return 1;
        if (m.cusumLow >= h) return -1;
        return 0;
    }

    /** The stronger (by size) of the value's and the first difference's z against the window, before the value joins it. */
    private double gaussianZ(SeriesMemory m, double value) {
        int n = m.count();
        double sum = 0, sumSq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        double dSum = 0, dSumSq = 0;
        double newer = m.back(0);
        for (int k = 0; k < n; k++) {
            double v = m.back(k);
            sum += v;
            sumSq += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (k > 0) {
                double d = newer - v;
                dSum += d;
                dSumSq += d * d;
            }
            newer = v;
        }
        double mean = sum / n;
        // a window without any spread (a counter at zero all day) has no sigma to count in: a value off it is the
        // distribution part's to judge, not "a billion sigmas"
        if (max == min || mostlyOneValue(m)) return 0;
        double floor = Math.max(settings.rangeFloor() * (max - min), 1e-9 * Math.max(1.0, Math.abs(mean)));
        double sigma = Math.max(Math.sqrt(Math.max(0, sumSq / n - mean * mean)), floor);
        double z = (value - mean) / sigma;
        if (!settings.difference()) return z;
        double dMean = dSum / (n - 1);
        double dSigma = Math.max(Math.sqrt(Math.max(0, dSumSq / (n - 1) - dMean * dMean)), floor);
        double zd = (value - m.back(0) - dMean) / dSigma;
        return Math.abs(zd) > Math.abs(z) ? zd : z;
    }

    /**
     * The value lies beyond everything in the window (before it joins) by spikeMargin of the window's range: a spike
     * the series has shown within the window (a nightly job, a recurring burst) is not news. A negative margin: off.
     */
    private boolean newExtreme(SeriesMemory m, double value) {
        if (settings.spikeMargin() < 0) return true;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m.count(); k++) {
            min = Math.min(min, m.back(k));
            max = Math.max(max, m.back(k));
        }
        double margin = settings.spikeMargin() * (max - min);
        return value > max + margin || value < min - margin;
    }

    /** More than half the window holds its newest value exactly (a sparse counter): a few blips make no sigma to count in. */
    private static boolean mostlyOneValue(SeriesMemory m) {
        double newest = m.back(0);
        int same = 0;
        for (int k = 0; k < m.count(); k++) if (m.back(k) == newest) same++;
        return 2 * same > m.count();
    }

    /**
     * How unexpected this value's bin is after the last two (an order-2 Markov model of the binned series, bins over the
     * range seen so far): 1 minus its share of what followed the same two bins, neighbouring bins counting half. A
     * context seen too rarely to predict scores 0.5. The counts of a context are halved when they reach sequenceCap,
     * so the model keeps learning and stays bounded.
     */
    private double surprise(SeriesMemory m, double value) {
        // only called with the sequence part on, when the memory has its transitions
        int q = settings.sequenceBins();
        int bin = m.high > m.low ? Math.min(q - 1, Math.max(0, (int) Math.floor((value - m.low) / (m.high - m.low) * q))) : 0;
        double surprise = 0.5;
        if (m.previousBin2 >= 0) {
            int row = (m.previousBin2 * q + m.previousBin) * q;
            float total = 0;
            for (int k = 0; k < q; k++) total += m.transitions[row + k];
            if (total >= 4) {
                double near = m.transitions[row + bin] + 0.5 * ((bin > 0 ? m.transitions[row + bin - 1] : 0) + (bin < q - 1 ? m.transitions[row + bin + 1] : 0));
                surprise = 1 - Math.min(1, near / total);
            }
            m.transitions[row + bin]++;
            if (total + 1 >= settings.sequenceCap()) for (int k = 0; k < q; k++) m.transitions[row + k] /= 2;
        }
        m.previousBin2 = m.previousBin;
        m.previousBin = bin;
        return surprise;
    }

    /**
     * The histogram of the last entropyWindow values (bins over the range seen so far) against the remembered ones: a
     * match (G below the level) is counted; none makes it a new reference, replacing the one matched longest ago.
     */
    private boolean novelDistribution(SeriesMemory m) {
        int w = settings.entropyWindow(), bins = settings.entropyBins();
        if (m.count() < w || !(m.high > m.low)) return false;
        double[] p = new double[bins];
        for (int k = 0; k < w; k++) p[bin(m, m.back(k), bins)] += 1.0 / w;
        int best = -1;
        double bestG = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m.referenceCount; i++) {
            double g = 2 * w * divergence(p, m.references[i]);
            if (g < settings.entropyLevel() && g < bestG) {
                bestG = g;
                best = i;
            }
        }
        if (best >= 0) {
            m.matches[best]++;
            m.lastMatched[best] = m.seen;
            return false;
        }
        int slot = m.referenceCount;
        if (slot == AnomalySettings.REFERENCES) {
            slot = 0;
            for (int i = 1; i < m.referenceCount; i++) if (m.lastMatched[i] < m.lastMatched[slot]) slot = i;
        } else {
            m.referenceCount++;
        }
        m.references[slot] = p;
        m.matches[slot] = 1;
        m.lastMatched[slot] = m.seen;
        return (m.referenceCount > 1 || slot != 0) && unlikeTheLongRun(m, p);
    }

    /**
     * The new histogram also differs from the whole window's (the long run) by entropyConfirm times the level. Plain
     * noise makes a new histogram now and then (an empty tail bin is enough), but one that looks like the long run:
     * without this check a steady noisy metric alerted about once every 2,000 points.
     */
    private boolean unlikeTheLongRun(SeriesMemory m, double[] p) {
        if (settings.entropyConfirm() <= 0) return true;
        int bins = p.length, n = m.count();
        double[] q = new double[bins];
        for (int k = 0; k < n; k++) q[bin(m, m.back(k), bins)] += 1.0 / n;
        return 2 * settings.entropyWindow() * divergence(p, q) >= settings.entropyConfirm() * settings.entropyLevel();
    }

    private static int bin(SeriesMemory m, double value, int bins) {
        int bin = (int) Math.floor((value - m.low) / (m.high - m.low) * bins);
        return Math.min(bins - 1, Math.max(0, bin));
    }

    /** Kullback-Leibler divergence of p from q; infinite where q has nothing and p has something. */
    private static double divergence(double[] p, double[] q) {
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) continue;
            if (q[i] == 0) return Double.POSITIVE_INFINITY;
            kl += p[i] * Math.log(p[i] / q[i]);
        }
        return kl;
    }

    private static double mean(SeriesMemory m) {
        double sum = 0;
        for (int k = 0; k < m.count(); k++) sum += m.back(k);
        return sum / m.count();
    }

    /** The error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7): enough for a score. */
    public static double erf(double x) {
        double t = 1.0 / (1.0 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
