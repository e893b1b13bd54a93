package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.evaluation.cad.ContextualAnomalyDetector;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CAD OSE ({@link ContextualAnomalyDetector}) over a NAB series as NAB runs it: every row fed in order, the range from
 * the whole file ({@code cad.range=file}, NAB's look-ahead) or from the probationary rows only ({@code cad.range=probation},
 * what a product can know: later values outside it sit on the end levels), the rest period a fifth of the
 * probationary length, and an alert at every scored row at or above NAB's published optimised threshold for
 * contextOSE, standard profile ({@link #NAB_THRESHOLD}; {@code cad.threshold} overrides it for experiments only).
 */
final class ContextualReplay implements SeriesDetector {

    /** NAB's optimised standard-profile threshold for contextOSE (results/contextOSE/contextOSE_standard_scores.csv). */
    static final double NAB_THRESHOLD = 0.70478515625;

    enum Range { FILE, PROBATION }

    private final Range range;
    private final double threshold;

    ContextualReplay(Map<String, String> settings) {
        Map<String, String> rest = new HashMap<>(settings);
        String r = rest.remove("cad.range");
        String t = rest.remove("cad.threshold");
        if (!rest.isEmpty()) {
            throw new EvaluationArguments.ArgumentsException("detector=cad takes only cad.range and cad.threshold, got " + rest.keySet());
        }
        this.range = EvaluationArguments.choice("cad.range", r, Range.FILE);
        this.threshold = EvaluationArguments.number("cad.threshold", t, NAB_THRESHOLD);
    }

    /** CAD OSE's score for every row of the file, as NAB's run would write it. */
    double[] scores(NabCorpus.DataFile file) {
        return scores(file.values(), range);
    }

    static double[] scores(double[] values, Range range) {
        int probation = NabScorer.probationaryLength(values.length);
        int rangeRows = range == Range.FILE ? values.length : Math.max(1, probation);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rangeRows; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(min, max, Math.max(1, (int) (probation / 5.0)));
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = cad.score(values[i]);
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
        return String.format(Locale.ROOT, "CAD OSE (author's settings; range from the %s; alert at score >= %s)",
                range == Range.FILE ? "whole file, NAB's look-ahead" : "probationary rows", threshold);
    }
}
