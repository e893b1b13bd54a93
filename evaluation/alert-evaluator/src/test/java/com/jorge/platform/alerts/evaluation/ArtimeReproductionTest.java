package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.anomaly.artime.AdaptiveResonanceTimeDetector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our ARTime against NAB's published ARTime results, file by file: every in-repo NAB series scored with NAB's scorer at
 * NAB's published threshold for each profile must match the published per-file score within {@link #TOLERANCE}.
 */
class ArtimeReproductionTest {

    /** NAB's per-file raw score (one window's true positive is worth up to 1, a false positive -0.11). */
    static final double TOLERANCE = 1e-6;

    record Comparison(String file, double published, double ours) {
        double difference() {
            return Math.abs(published - ours);
        }
    }

    static List<Comparison> compare(NabCorpus corpus, Map<String, double[]> scored, String profile) {
        NabScoresFile published = NabScoresFile.read(Path.of("nab/reference-results/ARTime/ARTime_" + profile + "_scores.csv"));
        NabScorer scorer = new NabScorer(corpus.profile(profile));
        List<Comparison> out = new ArrayList<>();
        for (NabCorpus.DataFile f : corpus.files()) {
            NabScoresFile.Row row = published.rows().get(f.name());
            if (row == null) continue;
            double[] scores = scored.computeIfAbsent(f.name(), n -> ArtimeReplay.scores(f.values(), ArtimeReplay.Range.FILE, 0));
            NabFileScore ours = scorer.score(f.timestamps(), scores, f.windows(), row.threshold());
            out.add(new Comparison(f.name(), row.score(), ours.score()));
        }
        return out;
    }

    /** Prints every profile's comparison; the number of files off by more than {@link #TOLERANCE}. */
    static int report(Path data) {
        int off = 0;
        NabCorpus corpus = new NabCorpus(data);
        Map<String, double[]> scored = new HashMap<>();
        for (String profile : NabEvaluation.PROFILES) {
            List<Comparison> all = compare(corpus, scored, profile);
            double publishedTotal = 0, oursTotal = 0, worst = 0;
            int matched = 0;
            for (Comparison c : all) {
                publishedTotal += c.published();
                oursTotal += c.ours();
                worst = Math.max(worst, c.difference());
                if (c.difference() <= TOLERANCE) matched++;
                else System.out.printf(Locale.ROOT, "  %s %s: published %.6f, ours %.6f%n", profile, c.file(), c.published(), c.ours());
            }
            System.out.printf(Locale.ROOT, "ARTime reproduction, %s, %s: %d/%d files within %.0e (largest difference %.2e); raw totals published %.4f ours %.4f%n",
                    data, profile, matched, all.size(), TOLERANCE, worst, publishedTotal, oursTotal);
            assertTrue(all.size() >= 18, "compared " + all.size() + " files");
            off += all.size() - matched;
        }
        return off;
    }

    @Test
    void reproducesPublishedScoresOnTheInRepoSeries() {
        assertEquals(0, report(Path.of("nab")), "files off by more than " + TOLERANCE);
    }

    @Test
    void artimeSettingsAreCheckedAndRefusedElsewhere() {
        assertTrue(NabEvaluation.detector(Map.of("detector", "artime", "artime.range", "running", "artime.probation", "fixed",
                "artime.maxCategories", "64")).describe().contains("at most 64 categories"));
        assertTrue(NabEvaluation.detector(Map.of("detector", "artime-or-ensemble")) instanceof EitherDetector);
        assertTrue(NabEvaluation.detector(Map.of("detector", "artime", "artime.range", "remap", "artime.probation", "typical"))
                .describe().contains("memory remapped when it grows"));
        for (Map<String, String> bad : List.of(Map.of("artime.range", "file"), Map.of("detector", "cad", "artime.range", "file"),
                Map.of("detector", "artime", "artime.range", "whole"), Map.of("detector", "artime", "artime.maxCategories", "-1"),
                Map.of("detector", "artime", "artime.probation", "long"), Map.of("detector", "artime", "artime.probation", "4032"), Map.of("detector", "artime", "artime.range", "remapped"), Map.of("detector", "artime", "window", "8"))) {
            org.junit.jupiter.api.Assertions.assertThrows(EvaluationArguments.ArgumentsException.class, () -> NabEvaluation.detector(bad),
                    bad.toString());
        }
    }

    /** The state at the end of each in-repo series, unbounded (the author's) and bounded to 64 categories (ours). */
    @Test
    void stateSizeAtTheEndOfEachSeries() {
        NabCorpus corpus = new NabCorpus(Path.of("nab"));
        long largest = 0, largestBounded = 0, largestEncoded = 0;
        for (NabCorpus.DataFile f : corpus.files()) {
            AdaptiveResonanceTimeDetector free = ArtimeReplay.detector(f.values(), ArtimeReplay.Range.FILE, 0);
            AdaptiveResonanceTimeDetector bounded = ArtimeReplay.detector(f.values(), ArtimeReplay.Range.FILE, 64);
            for (double v : f.values()) {
                free.score(v);
                bounded.score(v);
            }
            assertTrue(bounded.categories() <= 64, f.name() + ": " + bounded.categories() + " categories");
            largest = Math.max(largest, free.stateBytes());
            largestBounded = Math.max(largestBounded, bounded.stateBytes());
            largestEncoded = Math.max(largestEncoded, bounded.encode().length());
        }
        System.out.printf(Locale.ROOT, "ARTime state over %d series: largest %d bytes unbounded, %d bytes with at most 64 categories (%d characters encoded)%n",
                corpus.files().size(), largest, largestBounded, largestEncoded);
        assertTrue(largestEncoded < 32 * 1024, "encoded bounded state " + largestEncoded + " characters");
        assertTrue(largestBounded <= 64 * (32 * 8 + 8) + 8 * 1024, "bounded state " + largestBounded + " bytes");
    }
}
