package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.evaluation.artime.AdaptiveResonanceTimeDetector;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ARTime ({@link AdaptiveResonanceTimeDetector}) over a NAB series as NAB runs it: every row fed in order, the file's
 * length given (it sets the probationary period and the downsampling step), the range from the whole file
 * ({@code artime.range=file}, NAB's look-ahead), from the probationary rows only ({@code artime.range=probation}: later
 * values outside it sit on the end levels) or from the points seen so far ({@code artime.range=running}, no range given
 * at all); the probation from the file's length ({@code artime.probation=file}, NAB's) or 750 points whatever the length
 * ({@code artime.probation=fixed}, what a product can know); {@code artime.maxCategories=N} bounds its category memory (0, the default, is the author's unbounded memory);
 * an alert at every scored row at or above NAB's published optimised standard-profile threshold for ARTime
 * ({@link #NAB_THRESHOLD}; {@code artime.threshold} overrides it for experiments only).
 */
final class ArtimeReplay implements SeriesDetector {

    /** NAB's optimised standard-profile threshold for ARTime (results/ARTime/ARTime_standard_scores.csv). */
    static final double NAB_THRESHOLD = 0.317486;

    enum Range { FILE, PROBATION, RUNNING }

    /** Rows a product would take as the length: long enough that the probation is 750 points. */
    static final int LONG_SERIES = 5000;

    private final Range range;
    private final boolean fixedProbation;
    private final int maxCategories;
    private final double threshold;

    ArtimeReplay(Map<String, String> settings) {
        Map<String, String> rest = new HashMap<>(settings);
        String r = rest.remove("artime.range");
        String c = rest.remove("artime.maxCategories");
        String p = rest.remove("artime.probation");
        String t = rest.remove("artime.threshold");
        if (!rest.isEmpty()) {
            throw new EvaluationArguments.ArgumentsException("detector=artime takes only artime.range, artime.probation, artime.maxCategories and artime.threshold, got " + rest.keySet());
        }
        try {
            this.range = r == null ? Range.FILE : Range.valueOf(r.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EvaluationArguments.ArgumentsException("artime.range is file, probation or running, got '" + r + "'");
        }
        if (p != null && !p.equals("file") && !p.equals("fixed")) {
            throw new EvaluationArguments.ArgumentsException("artime.probation is file or fixed, got '" + p + "'");
        }
        this.fixedProbation = "fixed".equals(p);
        try {
            this.maxCategories = c == null ? 0 : Integer.parseInt(c);
            if (maxCategories < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new EvaluationArguments.ArgumentsException("artime.maxCategories is a whole number, 0 or more, got '" + c + "'");
        }
        try {
            this.threshold = t == null ? NAB_THRESHOLD : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new EvaluationArguments.ArgumentsException("artime.threshold is a number, got '" + t + "'");
        }
    }

    double[] scores(NabCorpus.DataFile file) {
        return scores(file.values(), range, maxCategories, fixedProbation);
    }

    /** The detector as {@link #scores(double[], Range, int)} sets it up, for state measurements. */
    static AdaptiveResonanceTimeDetector detector(double[] values, Range range, int maxCategories) {
        return detector(values, range, maxCategories, false);
    }

    /** {@code fixedProbation}: the detector is told the series is long (750 points of probation), not the file's length. */
    static AdaptiveResonanceTimeDetector detector(double[] values, Range range, int maxCategories, boolean fixedProbation) {
        int probation = NabScorer.probationaryLength(values.length);
        int rangeRows = range == Range.PROBATION ? Math.max(1, probation) : values.length;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rangeRows; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new AdaptiveResonanceTimeDetector(min, max, fixedProbation ? Math.max(values.length, LONG_SERIES) : values.length,
                range == Range.RUNNING ? AdaptiveResonanceTimeDetector.Scaling.RUNNING : AdaptiveResonanceTimeDetector.Scaling.GIVEN,
                maxCategories);
    }

    /** ARTime's score for every row of the file, as NAB's run would write it. */
    static double[] scores(double[] values, Range range, int maxCategories) {
        return scores(values, range, maxCategories, false);
    }

    static double[] scores(double[] values, Range range, int maxCategories, boolean fixedProbation) {
        AdaptiveResonanceTimeDetector artime = detector(values, range, maxCategories, fixedProbation);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = artime.score(values[i]);
        return out;
    }

    @Override
    public List<LocalDateTime> alerts(NabCorpus.DataFile file) {
        double[] s = scores(file);
        int probation = NabScorer.probationaryLength(s.length);
        List<LocalDateTime> out = new ArrayList<>();
        for (int i = probation; i < s.length; i++) if (s[i] >= threshold) out.add(file.timestamps().get(i));
        return out;
    }

    @Override
    public String describe() {
        String from = switch (range) {
            case FILE -> "whole file, NAB's look-ahead";
            case PROBATION -> "probationary rows";
            case RUNNING -> "points seen so far";
        };
        return String.format(Locale.ROOT, "ARTime (author's settings; range from the %s; probation %s; %s; alert at score >= %s)", from,
                fixedProbation ? "750 points whatever the length" : "from the file's length",
                maxCategories == 0 ? "categories unbounded" : "at most " + maxCategories + " categories", threshold);
    }
}
