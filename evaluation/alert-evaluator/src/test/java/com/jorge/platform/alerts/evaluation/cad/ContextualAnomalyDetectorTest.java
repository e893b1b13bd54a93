package com.jorge.platform.alerts.evaluation.cad;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextualAnomalyDetectorTest {

    private static final double ALERT = 0.70478515625;

    @Test
    void tupleHashIsCPythonsForKnownTuples() {
        // CPython 2.7 (64-bit): hash(()) == 3527539, hash((1, 2)) == 3713081631934410656
        assertEquals(3527539L, PythonTupleHash.of(new long[0]));
        assertEquals(3713081631934410656L, PythonTupleHash.of(new long[] {1, 2}));
    }

    @Test
    void intTableIteratesInCPython2SlotOrder() {
        // {8: 'a', 0: 'b'} iterates 8 then 0 in CPython 2 (both hash to slot 0 of 8; 0 probes on to slot 1)
        CPython2IntTable t = new CPython2IntTable();
        t.putIfAbsent(8, 100);
        t.putIfAbsent(0, 101);
        List<Integer> keys = new ArrayList<>();
        t.forEach((k, v) -> keys.add(k));
        assertEquals(List.of(8, 0), keys);
        assertEquals(100, t.putIfAbsent(8, 5), "setdefault keeps the first value");
        for (int k = 1; k <= 20; k++) t.putIfAbsent(k, k);
        assertEquals(21, t.size());
        assertTrue(t.capacity() >= 32, "grew as a dict does");
    }

    @Test
    void restsAfterTheStartAndScoresStayInZeroOne() {
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(0, 10, 50);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            double s = cad.score(5 + Math.sin(i / 10.0) * 3 + random.nextGaussian() * 0.2);
            assertTrue(s >= 0 && s <= 1, "score " + s);
            if (i < 50) assertEquals(0.0, s, "the history starts with a 1.0: the first rest period reports 0");
        }
    }

    @Test
    void aFlatLineRaisesNothingAfterTheStart() {
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(3, 3, 20);
        for (int i = 0; i < 3000; i++) {
            double s = cad.score(3.0);
            if (i > 40) assertTrue(s < ALERT, "flat line alerted at " + i);
        }
        assertTrue(cad.contexts() < 50, "a flat line needs few contexts, got " + cad.contexts());
    }

    @Test
    void aLevelNeverSeenAfterARegularPatternScoresHigh() {
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(0, 100, 30);
        double max = 0;
        for (int i = 0; i < 3000; i++) cad.score(i % 20 < 10 ? 20 : 40);
        for (int i = 0; i < 5; i++) max = Math.max(max, cad.score(95));
        assertTrue(max >= ALERT, "a jump to a level never seen scored only " + max);
    }

    @Test
    void notANumberIsSkippedAndLeavesTheStateAlone() {
        ContextualAnomalyDetector a = new ContextualAnomalyDetector(0, 10, 10);
        ContextualAnomalyDetector b = new ContextualAnomalyDetector(0, 10, 10);
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            double v = random.nextDouble() * 10;
            double sa = a.score(v);
            if (i % 50 == 0) {
                assertEquals(0.0, b.score(Double.NaN));
                assertEquals(0.0, b.score(Double.POSITIVE_INFINITY));
            }
            assertEquals(sa, b.score(v), "NaN changed what followed at " + i);
        }
        assertEquals(a.contexts(), b.contexts());
    }

    @Test
    void valuesOutsideTheRangeSitOnTheEndLevels() {
        ContextualAnomalyDetector a = new ContextualAnomalyDetector(0, 10, 10);
        ContextualAnomalyDetector b = new ContextualAnomalyDetector(0, 10, 10);
        for (int i = 0; i < 300; i++) {
            double v = i % 7 == 0 ? 10 : (i % 5 == 0 ? 0 : 5);
            double w = v == 10 ? 1e9 : (v == 0 ? -1e9 : 5);
            assertEquals(a.score(v), b.score(w), "at " + i);
        }
    }

    @Test
    void startingMidAnomalyRecoversOnceTheSeriesIsBack() {
        // the series starts on a plateau that later turns out to be abnormal, then settles into its usual pattern
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(0, 100, 30);
        for (int i = 0; i < 200; i++) cad.score(90);
        int late = 0;
        for (int i = 0; i < 4000; i++) {
            double s = cad.score(i % 24 < 12 ? 30 : 50);
            if (i > 2000 && s >= ALERT) late++;
        }
        assertEquals(0, late, "still alerting on the usual pattern long after the abnormal start");
    }

    @Test
    void duplicatesAndGapsAreJustPoints() {
        // the detector has no clock: a repeated point is learnt again, a gap is the next point; the caller drops
        // repeated timestamps (as the replay and the Lambda do) -- here only that neither breaks it
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(0, 10, 10);
        for (int i = 0; i < 1000; i++) {
            double v = i % 10;
            double s = cad.score(v);
            if (i % 97 == 0) s = Math.max(s, cad.score(v));
            assertTrue(s >= 0 && s <= 1);
        }
    }

    @Test
    void stateGrowsSlowlyOnAStationarySeries() {
        ContextualAnomalyDetector cad = new ContextualAnomalyDetector(0, 100, 150);
        Random random = new Random(11);
        long at5k = 0;
        for (int i = 0; i < 20_000; i++) {
            cad.score(50 + 30 * Math.sin(2 * Math.PI * i / 288) + random.nextGaussian() * 5);
            if (i == 4_999) at5k = cad.stateBytes();
        }
        long at20k = cad.stateBytes();
        assertTrue(at20k < 8L << 20, "state " + at20k + " bytes");
        assertTrue(at5k > 0 && at20k >= at5k, "the memory only grows");
    }

    @Test
    void refusesABadRangeOrRest() {
        assertThrows(IllegalArgumentException.class, () -> new ContextualAnomalyDetector(5, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new ContextualAnomalyDetector(Double.NaN, 4, 10));
        assertThrows(IllegalArgumentException.class, () -> new ContextualAnomalyDetector(0, 4, 0));
    }
    @Test
    void anEncodedStateScoresTheRestExactlyAsTheLiveOne() {
        ContextualAnomalyDetector live = new ContextualAnomalyDetector(0, 100, 40);
        Random random = new Random(5);
        double[] values = new double[6000];
        for (int i = 0; i < values.length; i++) values[i] = 50 + 30 * Math.sin(2 * Math.PI * i / 144) + random.nextGaussian() * 8 + (i == 4500 ? 40 : 0);
        for (int i = 0; i < 3000; i++) live.score(values[i]);
        String stored = live.encode();
        ContextualAnomalyDetector restored = ContextualAnomalyDetector.decode(stored);
        assertEquals(live.contexts(), restored.contexts());
        for (int i = 3000; i < values.length; i++) {
            assertEquals(live.score(values[i]), restored.score(values[i]), "diverged at " + i);
            if (i % 1000 == 0) restored = ContextualAnomalyDetector.decode(restored.encode());
        }
        assertEquals(live.encode(), restored.encode());
        assertTrue(stored.length() < live.stateBytes() * 2, "encoded " + stored.length() + " chars");
    }

    @Test
    void aDamagedStateIsRefused() {
        String good = new ContextualAnomalyDetector(0, 1, 5).encode();
        assertThrows(IllegalArgumentException.class, () -> ContextualAnomalyDetector.decode(good.substring(0, good.length() / 2)));
        assertThrows(IllegalArgumentException.class, () -> ContextualAnomalyDetector.decode("not base64 !"));
    }
}
