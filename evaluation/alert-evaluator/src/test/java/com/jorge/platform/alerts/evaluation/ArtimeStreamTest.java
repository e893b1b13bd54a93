package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** ARTime as a stream: with {@code artime.range=remap} and a fixed length nothing it scores depends on a later point. */
class ArtimeStreamTest {

    private static double[] series(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 30 + 10 * Math.sin(2 * Math.PI * i / 288.0) + r.nextGaussian();
        return v;
    }

    /** The scores of the first {@code cut} rows when everything after them is replaced by a huge spike and a new level. */
    private static boolean futureChangesThePast(ArtimeReplay.Range range, ArtimeReplay.Probation length, int cut) {
        double[] v = series(4500, 7);
        double[] changed = v.clone();
        for (int i = cut; i < changed.length; i++) changed[i] = 500 + 100 * Math.cos(i / 10.0);
        double[] a = Arrays.copyOf(ArtimeReplay.scores(v, range, 64, length), cut);
        double[] b = Arrays.copyOf(ArtimeReplay.scores(changed, range, 64, length), cut);
        double[] prefix = ArtimeReplay.scores(Arrays.copyOf(v, cut), range, 64, length);
        return !Arrays.equals(a, b) || !Arrays.equals(a, prefix);
    }

    @Test
    void remapWithATypicalLengthNeverReadsAhead() {
        for (int cut : new int[] {300, 1500, 3000}) {
            assertFalse(futureChangesThePast(ArtimeReplay.Range.REMAP, ArtimeReplay.Probation.TYPICAL, cut), "cut " + cut);
            assertFalse(futureChangesThePast(ArtimeReplay.Range.RUNNING, ArtimeReplay.Probation.TYPICAL, cut), "cut " + cut);
            assertFalse(futureChangesThePast(ArtimeReplay.Range.HEADROOM, ArtimeReplay.Probation.TYPICAL, cut), "cut " + cut);
            assertFalse(futureChangesThePast(ArtimeReplay.Range.HEADROOM, ArtimeReplay.Probation.FIXED, cut), "cut " + cut);
            assertFalse(futureChangesThePast(ArtimeReplay.Range.REPLAY, ArtimeReplay.Probation.TYPICAL, cut), "cut " + cut);
            assertFalse(futureChangesThePast(ArtimeReplay.Range.REPLAY, ArtimeReplay.Probation.FIXED, cut), "cut " + cut);
        }
        // the control: NAB's way reads the whole file's range and length, so the future changes what it scored before
        org.junit.jupiter.api.Assertions.assertTrue(futureChangesThePast(ArtimeReplay.Range.FILE, ArtimeReplay.Probation.FILE, 3000));
        org.junit.jupiter.api.Assertions.assertTrue(futureChangesThePast(ArtimeReplay.Range.REMAP, ArtimeReplay.Probation.FILE, 3000),
                "the file's length is look-ahead too");
    }

    @Test
    void typicalLengthIsTheAuthorsRuleAt4032Rows() {
        double[] v = series(4032, 3);
        assertArrayEquals(ArtimeReplay.scores(v, ArtimeReplay.Range.FILE, 0, ArtimeReplay.Probation.FILE),
                ArtimeReplay.scores(v, ArtimeReplay.Range.FILE, 0, ArtimeReplay.Probation.TYPICAL));
    }
}
