package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.anomaly.artime.AdaptiveResonanceTimeDetector;

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
 * at all), or from the points seen so far with every remembered level mapped onto the range when it grows
 * ({@code artime.range=remap}; {@code artime.range=headroom}: that range widened by a quarter of it on each side, moved
 * only when a value leaves it; {@code artime.range=replay}: the probation's points kept, the range fixed from them
 * widened as {@code headroom}, the probation replayed on it, then as {@code headroom}); the probation from the file's length ({@code artime.probation=file}, NAB's), 750 points
 * whatever the length ({@code artime.probation=fixed}: the author's rule for a long file) or the author's rule at
 * NAB's most common file length, {@link #TYPICAL_ROWS} ({@code artime.probation=typical}: 604 points, a step of 5); the
 * last two are what a stream can know; {@code artime.maxCategories=N} bounds its category memory (0, the default, is the author's unbounded memory);
 * an alert at every scored row at or above NAB's published optimised standard-profile threshold for ARTime
 * ({@link #NAB_THRESHOLD}; {@code artime.threshold} overrides it for experiments only).
 */
final class ArtimeReplay implements SeriesDetector {

    /** NAB's optimised standard-profile threshold for ARTime (results/ARTime/ARTime_standard_scores.csv). */
    static final double NAB_THRESHOLD = 0.317486;

    enum Range { FILE, PROBATION, RUNNING, REMAP, HEADROOM, REPLAY }

    /** Rows a product would take as the length: long enough that the probation is 750 points. */
    static final int LONG_SERIES = 5000;

    /**
     * NAB's most common file length (every artificial file and most AWS CloudWatch files: 14 days of 5-minute points),
     * fixed a priori as the length a stream is taken to have for {@code artime.probation=typical}.
     */
    static final int TYPICAL_ROWS = 4032;

    enum Probation { FILE, FIXED, TYPICAL }

    private final Range range;
    private final Probation probation;
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
        this.range = EvaluationArguments.choice("artime.range", r, Range.FILE);
        this.probation = EvaluationArguments.choice("artime.probation", p, Probation.FILE);
        this.maxCategories = EvaluationArguments.whole("artime.maxCategories", c, 0, 0);
        this.threshold = EvaluationArguments.number("artime.threshold", t, NAB_THRESHOLD);
    }

    double[] scores(NabCorpus.DataFile file) {
        return scores(file.values(), range, maxCategories, probation);
    }

    /** The detector as {@link #scores(double[], Range, int)} sets it up, for state measurements. */
    static AdaptiveResonanceTimeDetector detector(double[] values, Range range, int maxCategories) {
        return detector(values, range, maxCategories, Probation.FILE);
    }

    /** {@code fixedProbation}: the detector is told the series is long (750 points of probation), not the file's length. */
    static AdaptiveResonanceTimeDetector detector(double[] values, Range range, int maxCategories, boolean fixedProbation) {
        return detector(values, range, maxCategories, fixedProbation ? Probation.FIXED : Probation.FILE);
    }

    /** The length the detector is told: the file's ({@code FILE}), a long file's ({@code FIXED}) or NAB's typical one. */
    static AdaptiveResonanceTimeDetector detector(double[] values, Range range, int maxCategories, Probation length) {
        int probationRows = NabScorer.probationaryLength(values.length);
        int rangeRows = range == Range.PROBATION ? Math.max(1, probationRows) : values.length;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rangeRows; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        int rows = switch (length) {
            case FILE -> values.length;
            case FIXED -> Math.max(values.length, LONG_SERIES);
            case TYPICAL -> TYPICAL_ROWS;
        };
        AdaptiveResonanceTimeDetector.Scaling scaling = switch (range) {
            case RUNNING -> AdaptiveResonanceTimeDetector.Scaling.RUNNING;
            case REMAP -> AdaptiveResonanceTimeDetector.Scaling.REMAP;
            case HEADROOM -> AdaptiveResonanceTimeDetector.Scaling.HEADROOM;
            case REPLAY -> AdaptiveResonanceTimeDetector.Scaling.REPLAY;
            default -> AdaptiveResonanceTimeDetector.Scaling.GIVEN;
        };
        return new AdaptiveResonanceTimeDetector(min, max, rows, scaling, maxCategories);
    }

    /** ARTime's score for every row of the file, as NAB's run would write it. */
    static double[] scores(double[] values, Range range, int maxCategories) {
        return scores(values, range, maxCategories, Probation.FILE);
    }

    static double[] scores(double[] values, Range range, int maxCategories, boolean fixedProbation) {
        return scores(values, range, maxCategories, fixedProbation ? Probation.FIXED : Probation.FILE);
    }

    static double[] scores(double[] values, Range range, int maxCategories, Probation probation) {
        AdaptiveResonanceTimeDetector artime = detector(values, range, maxCategories, probation);
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
            case REMAP -> "points seen so far, memory remapped when it grows";
            case HEADROOM -> "points seen so far widened by a quarter each side, memory remapped when it moves";
            case REPLAY -> "probation's points widened by a quarter each side, the probation replayed on it, then as headroom";
        };
        return String.format(Locale.ROOT, "ARTime (author's settings; range from the %s; probation %s; %s; alert at score >= %s)", from,
                switch (probation) {
                    case FIXED -> "750 points whatever the length";
                    case TYPICAL -> "604 points (NAB's typical 4,032-row length) whatever the length";
                    case FILE -> "from the file's length";
                },
                maxCategories == 0 ? "categories unbounded" : "at most " + maxCategories + " categories", threshold);
    }
}
