package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our CAD OSE against NAB's published contextOSE results, file by file: every in-repo NAB series scored with NAB's scorer at NAB's published threshold for each
 * profile must match the published per-file score within {@link #TOLERANCE}.
 */
class ContextualReproductionTest {

    /** NAB's per-file raw score (one window's true positive is worth up to 1, a false positive -0.11). */
    static final double TOLERANCE = 1e-6;

    record Comparison(String file, double published, double ours) {
        double difference() {
            return Math.abs(published - ours);
        }
    }

    static List<Comparison> compare(Path data, String profile) {
        NabCorpus corpus = new NabCorpus(data);
        NabScoresFile published = NabScoresFile.read(Path.of("nab/reference-results/contextOSE/contextOSE_" + profile + "_scores.csv"));
        NabScorer scorer = new NabScorer(corpus.profile(profile));
        List<Comparison> out = new ArrayList<>();
        for (NabCorpus.DataFile f : corpus.files()) {
            NabScoresFile.Row row = published.rows().get(f.name());
            if (row == null) continue;
            double[] scores = ContextualReplay.scores(f.values(), ContextualReplay.Range.FILE);
            NabFileScore ours = scorer.score(f.timestamps(), scores, f.windows(), row.threshold());
            out.add(new Comparison(f.name(), row.score(), ours.score()));
        }
        return out;
    }

    private static void check(Path data) {
        for (String profile : NabEvaluation.PROFILES) {
            List<Comparison> all = compare(data, profile);
            assertTrue(all.size() >= 18, "compared " + all.size() + " files");
            double publishedTotal = 0, oursTotal = 0, worst = 0;
            int matched = 0;
            for (Comparison c : all) {
                publishedTotal += c.published();
                oursTotal += c.ours();
                worst = Math.max(worst, c.difference());
                if (c.difference() <= TOLERANCE) matched++;
                else System.out.printf(Locale.ROOT, "  %s %s: published %.6f, ours %.6f%n", profile, c.file(), c.published(), c.ours());
            }
            System.out.printf(Locale.ROOT, "CAD OSE reproduction, %s, %s: %d/%d files within %.0e (largest difference %.2e); raw totals published %.4f ours %.4f%n",
                    data, profile, matched, all.size(), TOLERANCE, worst, publishedTotal, oursTotal);
            assertEquals(all.size(), matched, profile + ": files off by more than " + TOLERANCE);
        }
    }

    @Test
    void reproducesPublishedScoresOnTheInRepoSeries() {
        check(Path.of("nab"));
    }


    /**
     * The size of CAD OSE's state at the end of each in-repo series (the README's Redis figures for all 20 tuning
     * series came from the same loop over the shared 30-series copy outside the repository, which tests never read): it grows
     * without a bound.
     */
    @Test
    void stateSizeAtTheEndOfEachSeries() {
        NabCorpus corpus = new NabCorpus(Path.of("nab"));
        long largest = 0;
        for (NabCorpus.DataFile f : corpus.files()) {
            double min = java.util.Arrays.stream(f.values()).min().orElseThrow(), max = java.util.Arrays.stream(f.values()).max().orElseThrow();
            var cad = new com.jorge.platform.alerts.evaluation.cad.ContextualAnomalyDetector(min, max,
                    Math.max(1, (int) (NabScorer.probationaryLength(f.values().length) / 5.0)));
            for (double v : f.values()) cad.score(v);
            long encoded = cad.encode().length();
            System.out.printf(Locale.ROOT, "CAD OSE state %s: %d points, %d contexts, %d bytes compact, %d chars encoded%n", f.name(),
                    f.values().length, cad.contexts(), cad.stateBytes(), encoded);
            largest = Math.max(largest, Math.max(cad.stateBytes(), encoded));
        }
        System.out.printf(Locale.ROOT, "CAD OSE state: largest %d bytes over %d series%n", largest, corpus.files().size());
        assertTrue(largest < 64L << 20, "state " + largest + " bytes");
    }
}
