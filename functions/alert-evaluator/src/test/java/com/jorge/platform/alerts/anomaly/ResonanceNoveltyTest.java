package com.jorge.platform.alerts.anomaly;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The adaptive-resonance part on its own: known shapes are quiet, a new shape alerts, its state survives Redis. */
class ResonanceNoveltyTest {

    private static final long T0 = 1_700_000_000L;
    /** Only the resonance part, every novel window counted (no confidence or z bar), no quiet period after an alert. */
    private static final AnomalySettings ALONE = AnomalySettings.defaults().with("spike", "off").with("likelihood", "off")
            .with("entropy", "off").with("season", "off").with("artConfidence", "0").with("artZ", "0").with("quiet", "0");

    /** A repeating shape: a 60-point sawtooth from 80 to 120, with a little noise. */
    private static double[] sawtooth(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 80 + 40 * (i % 60) / 60.0 + 0.3 * r.nextGaussian();
        return v;
    }

    private static List<Integer> resonanceAlerts(StreamingAnomalyDetector d, SeriesMemory m, double[] v, int from) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            AnomalyReading r = d.observe(m, T0 + 60L * i, v[i]);
            if (i >= from && r.alert()) {
                assertThat(r.cause()).isEqualTo(Cause.RESONANCE);
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void aShapeItHasLearnedIsQuietAndANewShapeInsideTheSameRangeAlerts() {
        StreamingAnomalyDetector d = new StreamingAnomalyDetector(ALONE);
        double[] v = sawtooth(6000, 1);
        // from point 4000 the sawtooth runs backwards (a slow fall, then a jump up): the same values, a new shape
        for (int i = 4000; i < v.length; i++) v[i] = 120 - 40 * (i % 60) / 60.0;
        List<Integer> alerts = resonanceAlerts(d, d.newMemory(), v, 2000);
        assertThat(alerts).isNotEmpty();
        assertThat(alerts.getFirst()).isBetween(4000, 4100);
    }

    @Test
    void aWiderRangeDoesNotMakeTheKnownShapeNew() {
        StreamingAnomalyDetector d = new StreamingAnomalyDetector(ALONE);
        double[] v = sawtooth(6000, 2);
        v[3000] = 400; // one point far above everything: the range seen so far grows tenfold
        List<Integer> alerts = resonanceAlerts(d, d.newMemory(), v, 2000);
        // the spike itself may be news; the sawtooth after it, in a range ten times wider, is still the known shape (a
        // property, not a proof of the rescaling: with a range this much wider the sawtooth is pulled to the median
        // either way; the rescaling's effect was measured on NAB's tuning part, README evaluation section 7)
        assertThat(alerts.stream().filter(i -> i > 3200)).isEmpty();
    }

    @Test
    void theHaarTransformKeepsTheEnergyAndPutsALevelInTheFirstCoefficient() {
        double[] flat = {3, 3, 3, 3, 3, 3, 3, 3};
        ResonanceNovelty.haar(flat);
        assertThat(flat[0]).isCloseTo(3 * Math.sqrt(8), within(1e-12));
        for (int k = 1; k < flat.length; k++) assertThat(flat[k]).isCloseTo(0, within(1e-12));
        double[] step = {0, 0, 0, 0, 1, 1, 1, 1};
        double energy = 4;
        ResonanceNovelty.haar(step);
        double after = 0;
        for (double c : step) after += c * c;
        assertThat(after).isCloseTo(energy, within(1e-12)); // orthonormal
        assertThat(step[1]).isCloseTo(-Math.sqrt(2), within(1e-12)); // the coarsest detail carries the step
    }

    @Test
    void itsStateRoundTripsAndAMemoryOfThePreviousVersionStartsAfresh() {
        AnomalySettings s = AnomalySettings.defaults();
        StreamingAnomalyDetector d = new StreamingAnomalyDetector(s);
        SeriesMemory m = d.newMemory();
        double[] v = sawtooth(4000, 3);
        for (int i = 0; i < 2003; i++) d.observe(m, T0 + 60L * i, v[i]); // mid-block: the block being filled is kept too
        String encoded = m.encode();
        assertThat(Base64.getDecoder().decode(encoded).length).isEqualTo(SeriesMemory.maxBytes(s) - 8 * s.window() + 8 * 512
                - (AnomalySettings.REFERENCES - referenceCount(encoded, s)) * (8 * s.entropyBins() + 12));
        SeriesMemory copy = SeriesMemory.decode(encoded, s);
        for (int i = 2003; i < v.length; i++) {
            assertThat(d.observe(copy, T0 + 60L * i, v[i])).isEqualTo(d.observe(m, T0 + 60L * i, v[i]));
        }
        assertThat(copy.encode()).isEqualTo(m.encode());
        // version 4 (before the resonance part) is foreign: relearning beats misreading
        byte[] old = Base64.getDecoder().decode(encoded);
        old[0] = 4;
        assertThat(SeriesMemory.decode(Base64.getEncoder().encodeToString(old), s).encode()).isEqualTo(SeriesMemory.fresh(s));
        // and a memory written with the part off is foreign to settings with it on
        assertThat(SeriesMemory.decode(new SeriesMemory(s.with("art", "off")).encode(), s).encode()).isEqualTo(SeriesMemory.fresh(s));
    }

    private static int referenceCount(String encoded, AnomalySettings s) {
        return SeriesMemory.decode(encoded, s).referenceCount;
    }

    @Test
    void itsSettingsAreChangedByNameAndBadOnesAreRefused() {
        AnomalySettings s = AnomalySettings.defaults().with("artCategories", "16").with("artZ", "2.5");
        assertThat(s.resonance().categories()).isEqualTo(16);
        assertThat(s.resonance().z()).isEqualTo(2.5);
        assertThat(SeriesMemory.maxBytes(AnomalySettings.defaults()) - SeriesMemory.maxBytes(s)).isEqualTo((32 - 16) * (2 * 16 + 8));
        assertThatThrownBy(() -> AnomalySettings.defaults().with("artWindow", "6")).hasMessageContaining("power of two");
        assertThatThrownBy(() -> AnomalySettings.defaults().with("artFoo", "1")).hasMessageContaining("unknown detector setting 'artFoo'");
        assertThatThrownBy(() -> AnomalySettings.defaults().with("art", "maybe")).hasMessageContaining("on or off");
    }
}
