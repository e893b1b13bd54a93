package com.jorge.platform.models.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well probabilities rank and how honest they are, on one split. Accuracy is left out on purpose:
 * with 11 % converting, "nobody converts" is 89 % accurate.
 *
 * @param rocAuc       area under the ROC curve, ties counted half (Mann-Whitney)
 * @param prAuc        average precision: area under the precision-recall curve, step-wise
 * @param brier        mean squared error of the probability
 * @param logLoss      mean negative log-likelihood
 * @param calibration  ten equal-width probability bins
 */
public record ClassifierEvaluation(int rows, int positives, double rocAuc, double prAuc, double brier, double logLoss,
                                   List<CalibrationBin> calibration) {

    /** Leads whose predicted probability fell in [from, to): how many, mean predicted, observed rate. */
    public record CalibrationBin(double from, double to, int count, double meanPredicted, double observedRate) {
    }

    /** Precision and recall when leads at or above {@code threshold} are called hot. */
    public record OperatingPoint(double threshold, double precision, double recall, double hotShare) {
    }

    public static ClassifierEvaluation of(double[] probabilities, boolean[] converted) {
        if (probabilities.length != converted.length || probabilities.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as outcomes, and at least one");
        }
        int n = probabilities.length;
        int positives = 0;
        double brier = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException("probability " + i + " is " + probabilities[i] + ", not in [0, 1]");
            }
            double y = converted[i] ? 1 : 0;
            positives += (int) y;
            brier += (probabilities[i] - y) * (probabilities[i] - y);
            double p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
            logLoss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        }
        return new ClassifierEvaluation(n, positives, rocAuc(probabilities, converted, positives),
                averagePrecision(probabilities, converted, positives), brier / n, logLoss / n,
                calibration(probabilities, converted));
    }

    private static Integer[] byDescendingScore(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }

    static double rocAuc(double[] scores, boolean[] positive, int positives) {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = byDescendingScore(scores);
        // walk groups of tied scores from the top; each negative counts the positives ranked above it
        double pairsWon = 0;
        int positivesAbove = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            int groupPositives = 0;
            int groupNegatives = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                if (positive[order[end]]) {
                    groupPositives++;
                } else {
                    groupNegatives++;
                }
                end++;
            }
            pairsWon += groupNegatives * (positivesAbove + groupPositives / 2.0);
            positivesAbove += groupPositives;
            start = end;
        }
        return pairsWon / ((double) positives * negatives);
    }

    static double averagePrecision(double[] scores, boolean[] positive, int positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = byDescendingScore(scores);
        double sum = 0;
        int truePositives = 0;
        int seen = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            int groupPositives = 0;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                groupPositives += positive[order[end]] ? 1 : 0;
                end++;
            }
            truePositives += groupPositives;
            seen = end;
            sum += groupPositives * ((double) truePositives / seen);
            start = end;
        }
        return sum / positives;
    }

    private static List<CalibrationBin> calibration(double[] probabilities, boolean[] converted) {
        int bins = 10;
        int[] count = new int[bins];
        double[] predicted = new double[bins];
        int[] observed = new int[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int bin = Math.min((int) (probabilities[i] * bins), bins - 1);
            count[bin]++;
            predicted[bin] += probabilities[i];
            observed[bin] += converted[i] ? 1 : 0;
        }
        List<CalibrationBin> table = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            table.add(new CalibrationBin(b / (double) bins, (b + 1) / (double) bins, count[b],
                    count[b] == 0 ? Double.NaN : predicted[b] / count[b],
                    count[b] == 0 ? Double.NaN : observed[b] / (double) count[b]));
        }
        return List.copyOf(table);
    }

    /** Expected calibration error: the count-weighted gap between predicted and observed per bin. */
    public double expectedCalibrationError() {
        double sum = 0;
        for (CalibrationBin bin : calibration) {
            if (bin.count() > 0) {
                sum += bin.count() * Math.abs(bin.meanPredicted() - bin.observedRate());
            }
        }
        return sum / rows;
    }

    public static OperatingPoint at(double threshold, double[] probabilities, boolean[] converted) {
        int hot = 0;
        int hotConverted = 0;
        int allConverted = 0;
        for (int i = 0; i < probabilities.length; i++) {
            boolean isHot = probabilities[i] >= threshold;
            hot += isHot ? 1 : 0;
            hotConverted += isHot && converted[i] ? 1 : 0;
            allConverted += converted[i] ? 1 : 0;
        }
        return new OperatingPoint(threshold, hot == 0 ? Double.NaN : hotConverted / (double) hot,
                allConverted == 0 ? Double.NaN : hotConverted / (double) allConverted, hot / (double) probabilities.length);
    }

    /**
     * The "hot" threshold: the cut that maximises F1 on the given (validation) split. F1 weighs a missed
     * buyer and a wasted agent call alike, which is the trade the team asked for when nobody set a
     * quota of calls.
     */
    public static double maxF1Threshold(double[] probabilities, boolean[] converted) {
        Integer[] order = byDescendingScore(probabilities);
        int positives = 0;
        for (boolean c : converted) {
            positives += c ? 1 : 0;
        }
        double bestF1 = -1;
        double bestThreshold = 0.5;
        int truePositives = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && probabilities[order[end]] == probabilities[order[start]]) {
                truePositives += converted[order[end]] ? 1 : 0;
                end++;
            }
            double f1 = 2.0 * truePositives / (end + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = probabilities[order[start]];
            }
            start = end;
        }
        return bestThreshold;
    }
}
