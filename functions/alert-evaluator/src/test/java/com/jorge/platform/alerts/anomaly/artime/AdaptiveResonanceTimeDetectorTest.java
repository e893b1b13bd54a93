package com.jorge.platform.alerts.anomaly.artime;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveResonanceTimeDetectorTest {

    private static final double ALERT = 0.317486;

    /** A daily-like cycle of 288 points with a little noise; from {@code jumpAt} on, the level is 60 % higher. */
    private static double[] cycle(int n, int jumpAt, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 50 + 20 * Math.sin(2 * Math.PI * i / 288.0) + r.nextGaussian();
            if (i >= jumpAt) v[i] *= 1.6;
        }
        return v;
    }

    private static double[] run(AdaptiveResonanceTimeDetector d, double[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) s[i] = d.score(v[i]);
        return s;
    }

    @Test
    void haarIsOrthonormalWithLaterMinusEarlierDetails() {
        double[] h = AdaptiveResonanceTimeDetector.haar(new double[] {1, 3, 0, 0, 2, 2, 0, 4});
        double r = 1 / Math.sqrt(2);
        assertEquals(12 / Math.sqrt(8), h[0], 1e-12, "coarsest average");
        assertEquals((8 - 4) / Math.sqrt(8), h[1], 1e-12, "coarsest detail: second half minus first");
        assertEquals((0 - 4) / 2.0, h[2], 1e-12);
        assertEquals((4 - 4) / 2.0, h[3], 1e-12);
        assertArrayEquals(new double[] {2 * r, 0, 0, 4 * r}, new double[] {h[4], h[5], h[6], h[7]}, 1e-12);
        double energy = 0;
        for (double d : h) energy += d * d;
        assertEquals(1 + 9 + 4 + 4 + 16, energy, 1e-9, "energy kept");
    }

    @Test
    void silentThroughProbationThenAlertsOnALevelJump() {
        int n = 4032, probation = 604;
        double[] v = cycle(n, 3000, 1);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double[] s = run(new AdaptiveResonanceTimeDetector(min, max, n), v);
        for (int i = 0; i < probation; i++) assertEquals(0.0, s[i], "probation row " + i);
        int first = -1;
        for (int i = 3000; i < n && first < 0; i++) if (s[i] >= ALERT) first = i;
        assertTrue(first >= 3000 && first < 3000 + 100, "first alert after the jump at " + first);
        for (double d : s) assertTrue(d >= -1e9 && d <= 1.0, "score " + d);
        // only the last point of a downsampling block (5 here) can score
        for (int i = 0; i < n; i++) if (s[i] != 0) assertEquals(4, i % 5, "row " + i);
    }

    @Test
    void boundedMemoryKeepsItsCapAndRunningRangeNeedsNoRange() {
        double[] v = cycle(6000, 4000, 2);
        AdaptiveResonanceTimeDetector bounded = new AdaptiveResonanceTimeDetector(0, 0, v.length,
                AdaptiveResonanceTimeDetector.Scaling.RUNNING, 16);
        AdaptiveResonanceTimeDetector free = new AdaptiveResonanceTimeDetector(0, 0, v.length,
                AdaptiveResonanceTimeDetector.Scaling.RUNNING, 0);
        run(bounded, v);
        run(free, v);
        assertTrue(bounded.categories() <= 16, bounded.categories() + " categories");
        assertTrue(free.categories() > 16, "unbounded memory grew to " + free.categories());
        assertTrue(bounded.stateBytes() < free.stateBytes());
    }

    @Test
    void anEncodedStateScoresEveryLaterPointAsTheLiveOne() {
        double[] v = cycle(5000, 3500, 4);
        for (AdaptiveResonanceTimeDetector.Scaling scaling : AdaptiveResonanceTimeDetector.Scaling.values())
        for (int cut : new int[] {3, 400, 2000}) { // before the first block, during the probation, after it
            AdaptiveResonanceTimeDetector live = new AdaptiveResonanceTimeDetector(0, 100, v.length, scaling, 32);
            for (int i = 0; i < cut; i++) live.score(v[i]);
            String encoded = live.encode();
            AdaptiveResonanceTimeDetector restored = AdaptiveResonanceTimeDetector.decode(encoded);
            assertEquals(encoded, restored.encode(), "cut " + cut);
            for (int i = cut; i < v.length; i++) assertEquals(live.score(v[i]), restored.score(v[i]), "cut " + cut + ", row " + i);
            assertEquals(live.categories(), restored.categories());
        }
    }

    @Test
    void replayScoresAsTheProbationsRangeGivenWhileLaterValuesStayInIt() {
        double[] v = cycle(4032, 100_000, 4); // no level jump: later values stay within the probation's range widened by a quarter
        AdaptiveResonanceTimeDetector replay = new AdaptiveResonanceTimeDetector(0, 0, 4032, AdaptiveResonanceTimeDetector.Scaling.REPLAY, 64);
        int p = replay.probationPoints();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        double w = hi - lo;
        AdaptiveResonanceTimeDetector given = new AdaptiveResonanceTimeDetector(lo - w / 4, hi + w / 4, 4032,
                AdaptiveResonanceTimeDetector.Scaling.GIVEN, 64);
        for (int i = 0; i < v.length; i++) {
            double r = replay.score(v[i]), g = given.score(v[i]);
            assertEquals(g, r, "row " + i);
            assertEquals(i + 1 < p, replay.inProbation(), "row " + i);
        }
        assertEquals(given.categories(), replay.categories());
    }

    @Test
    void remappedCategoriesStillFitTheSameWindowOnTheNewRange() {
        DualVigilanceArt art = new DualVigilanceArt(4, 0.9, 0.9, 0);
        double[] x = {0.2, 0.7, 0.4, 0.6}; // two shape values, two levels on [0, 100]
        art.present(x, true); // the all-ones category
        art.present(x, true); // a category equal to x
        assertEquals(1.0, art.present(x, false).best(), 1e-12);
        // the range grows to [0, 200]: raw 40 and 60 are now the levels 0.2 and 0.3
        double[] moved = {0.2, 0.7, 0.2, 0.3};
        assertTrue(art.present(moved, false).best() < 0.5, "stale before the remap");
        art.remapLevels(2, v -> v / 2);
        DualVigilanceArt.Outcome o = art.present(moved, true);
        assertEquals(1.0, o.best(), 1e-12, "the same window on the new range fits its old category exactly");
        assertEquals(2, art.categories(), "and no new category is made");
    }

    /** Categories the detector adds from {@code from} on, fed all of {@code v}. */
    private static int newCategoriesAfter(AdaptiveResonanceTimeDetector d, double[] v, int from) {
        int before = 0;
        for (int i = 0; i < v.length; i++) {
            if (i == from) before = d.categories();
            d.score(v[i]);
        }
        return d.categories() - before;
    }

    @Test
    void remapKeepsAKnownCycleKnownAfterTheRangeGrows() {
        // a noiseless cycle learnt on [30, 70]; one short spike to 120, then the same cycle for 3,000 more points: with
        // the memory remapped the cycle's windows still fit their categories (the wider median snap flattens some: a
        // few new ones); with the old levels left stale every level means something else and it learns the cycle again
        double[] v = new double[6000];
        for (int i = 0; i < v.length; i++) v[i] = 50 + 20 * Math.sin(2 * Math.PI * i / 240.0); // 48 steps of 5 a cycle
        for (int i = 3000; i < 3003; i++) v[i] = 120;
        int remapped = newCategoriesAfter(new AdaptiveResonanceTimeDetector(0, 0, 4032, AdaptiveResonanceTimeDetector.Scaling.REMAP, 0), v, 3200);
        int stale = newCategoriesAfter(new AdaptiveResonanceTimeDetector(0, 0, 4032, AdaptiveResonanceTimeDetector.Scaling.RUNNING, 0), v, 3200);
        assertTrue(remapped * 2 < stale, "new categories after the spike: remapped " + remapped + ", stale " + stale);
        // the spike leaves the widened range too (70 + 40 / 4 = 80 < 120): the same remapping
        int widened = newCategoriesAfter(new AdaptiveResonanceTimeDetector(0, 0, 4032, AdaptiveResonanceTimeDetector.Scaling.HEADROOM, 0), v, 3200);
        assertTrue(widened * 2 < stale, "new categories after the spike: widened range " + widened + ", stale " + stale);
    }

    @Test
    void aStreamWhoseFirstPointsSpanItsRangeScoresAsWithThatRangeGiven() {
        double[] v = cycle(4032, 3000, 9);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        v[0] = min;
        v[1] = max;
        assertArrayEquals(run(new AdaptiveResonanceTimeDetector(min, max, 4032), v),
                run(new AdaptiveResonanceTimeDetector(0, 0, 4032, AdaptiveResonanceTimeDetector.Scaling.REMAP, 0), v));
    }

    @Test
    void damagedEncodingsAreRefused() {
        AdaptiveResonanceTimeDetector d = new AdaptiveResonanceTimeDetector(0, 100, 4032);
        for (double x : cycle(1000, 2000, 5)) d.score(x);
        String good = d.encode();
        for (String bad : new String[] {"", "AAAA", good.substring(0, good.length() / 2), "x" + good}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AdaptiveResonanceTimeDetector.decode(bad));
        }
    }

    @Test
    void valuesOutsideAGivenRangeSitOnTheEndLevels() {
        double[] v = cycle(3000, 2000, 3);
        // the range of the first 10 % only: later values leave it both ways
        double[] s = run(new AdaptiveResonanceTimeDetector(40, 60, v.length), v);
        assertEquals(v.length, s.length);
    }
}
