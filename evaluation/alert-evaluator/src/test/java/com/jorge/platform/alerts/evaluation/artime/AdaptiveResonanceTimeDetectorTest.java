package com.jorge.platform.alerts.evaluation.artime;

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
        for (int cut : new int[] {3, 400, 2000}) { // before the first block, during the probation, after it
            AdaptiveResonanceTimeDetector live = new AdaptiveResonanceTimeDetector(0, 0, v.length,
                    AdaptiveResonanceTimeDetector.Scaling.RUNNING, 32);
            for (int i = 0; i < cut; i++) live.score(v[i]);
            String encoded = live.encode();
            AdaptiveResonanceTimeDetector restored = AdaptiveResonanceTimeDetector.decode(encoded);
            assertEquals(encoded, restored.encode(), "cut " + cut);
            for (int i = cut; i < v.length; i++) assertEquals(live.score(v[i]), restored.score(v[i]), "cut " + cut + ", row " + i);
            assertEquals(live.categories(), restored.categories());
        }
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
