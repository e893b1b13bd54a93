package com.jorge.platform.alerts.evaluation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Numenta Anomaly Benchmark's scoring, as its sweeper does it for one threshold: rows with a score at
 * or above the threshold are detections; the first 15 % of rows (at most 750) are probationary and not
 * scored; in a window the best (earliest) detection earns tp * S(position), where S is NAB's scaled
 * sigmoid (1.0 at the window's left edge, about 0 at its right), a window without one costs fn, and each
 * detection outside a window costs fp * S of its distance past the previous window (-1 when none precedes).
 */
public final class NabScorer {

    private static final double PROBATION_PERCENT = 0.15;
    private final CostProfile profile;

    public NabScorer(CostProfile profile) {
        this.profile = profile;
    }

    static double scaledSigmoid(double relativePosition) {
        if (relativePosition >= 3.0) return -1.0;
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    static int probationaryLength(int rows) {
        return (int) Math.min(Math.floor(PROBATION_PERCENT * rows), PROBATION_PERCENT * 5000);
    }

    public NabFileScore score(List<LocalDateTime> timestamps, double[] anomalyScores, List<NabWindow> windows, double threshold) {
        int n = timestamps.size();
        if (anomalyScores.length != n) throw new IllegalArgumentException("timestamps and scores differ in length");
        Map<LocalDateTime, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(timestamps.get(i), i);
        double maxTp = scaledSigmoid(-1.0);
        int probation = probationaryLength(n);

        // per row: the weighted score it would earn if detected, and its window (-1 outside, -2 probationary)
        double[] sweep = new double[n];
        int[] windowOf = new int[n];
        List<NabWindow> pending = new ArrayList<>(windows);
        int current = -1, currentRight = -1, prevRight = -1, windowNo = -1;
        double currentWidth = 0, prevWidth = 0;
        for (int i = 0; i < n; i++) {
            LocalDateTime t = timestamps.get(i);
            if (!pending.isEmpty() && t.equals(pending.getFirst().start())) {
                NabWindow w = pending.removeFirst();
                windowNo++;
                current = windowNo;
                currentRight = indexOf(index, w.end());
                currentWidth = currentRight - indexOf(index, w.start()) + 1;
            }
            if (current >= 0) {
                double position = -(currentRight - i + 1) / currentWidth;
                sweep[i] = scaledSigmoid(position) * profile.tpWeight() / maxTp;
            } else {
                double position = prevRight < 0 ? 3.0 : Math.abs(prevRight - i) / (prevWidth - 1);
                sweep[i] = scaledSigmoid(position) * profile.fpWeight();
            }
            windowOf[i] = i < probation ? -2 : current;
            if (current >= 0 && i == currentRight) {
                prevRight = i;
                prevWidth = currentWidth;
                current = -1;
            }
        }

        Map<Integer, Double> best = new HashMap<>();
        for (int i = 0; i < n; i++) if (windowOf[i] >= 0) best.putIfAbsent(windowOf[i], -profile.fnWeight());
        double fpScore = 0;
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < n; i++) {
            if (windowOf[i] == -2) continue;
            boolean detected = anomalyScores[i] >= threshold;
            boolean inWindow = windowOf[i] >= 0;
            if (inWindow && detected) {
                tp++;
                best.merge(windowOf[i], sweep[i], Math::max);
            } else if (inWindow) {
                fn++;
            } else if (detected) {
                fp++;
                fpScore += sweep[i];
            } else {
                tn++;
            }
        }
        double score = fpScore + best.values().stream().mapToDouble(Double::doubleValue).sum();
        return new NabFileScore(score, tp, tn, fp, fn, best.size());
    }

    /** NAB's normalised score over many files: 0 for never detecting, 100 for every window at its left edge. */
    public double normalised(List<NabFileScore> files) {
        return normalised(files.stream().mapToDouble(NabFileScore::score).sum(), files.stream().mapToInt(NabFileScore::windows).sum());
    }

    /**
     * The same from a raw score summed over files and their count of windows (a published scores file's rows). NaN
     * with no window at all (NAB's artificialNoAnomaly alone): never alerting and a perfect detector are then the same
     * score, so there is nothing to normalise against; the raw score (false alerts' cost) is what is left to read.
     */
    public double normalised(double raw, int windows) {
        if (windows == 0) return Double.NaN;
        double none = -profile.fnWeight() * windows;
        double perfect = profile.tpWeight() * windows;
        return 100.0 * (raw - none) / (perfect - none);
    }

    private static int indexOf(Map<LocalDateTime, Integer> index, LocalDateTime t) {
        Integer i = index.get(t);
        if (i == null) throw new IllegalArgumentException("window edge " + t + " is not a timestamp of the data");
        return i;
    }
}
