package com.jorge.platform.alerts.anomaly;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The detector on the inputs production will give it: clean incidents, and bad data that must neither crash nor storm. */
class StreamingAnomalyDetectorTest {

    private static final long T0 = 1_700_000_000L;
    private final StreamingAnomalyDetector detector = new StreamingAnomalyDetector(AnomalySettings.defaults());

    /** Points one minute apart from T0; returns the indexes that alerted. */
    private List<Integer> alerts(SeriesMemory m, double[] values) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (detector.observe(m, T0 + 60L * i, values[i]).alert()) out.add(i);
        return out;
    }

    private static double[] noise(int n, long seed, double level, double sd) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = level + sd * r.nextGaussian();
        return v;
    }

    @Test
    void aLevelShiftAlertsSoonAfterItStartsAndAgainOnlyWhileTheWindowRelearns() {
        double[] v = noise(3000, 1, 100, 5);
        for (int i = 2000; i < v.length; i++) v[i] += 40;
        List<Integer> alerts = alerts(detector.newMemory(), v);
        assertThat(alerts.getFirst()).isBetween(2000, 2010);
        // the distribution part may speak again (after the quiet period) while the window is half old, half new level;
        // once the window holds only the new level, the shift is the new normal
        assertThat(alerts.getLast()).isLessThan(2000 + AnomalySettings.defaults().window());
        assertThat(alerts.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void steadyNoiseRaisesNothing() {
        assertThat(alerts(detector.newMemory(), noise(20_000, 2, 100, 5))).isEmpty();
    }

    @Test
    void heavyTailedNoiseDoesNotStorm() {
        Random r = new Random(3);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) v[i] = 100 + 5 * r.nextGaussian() + (r.nextDouble() < 0.02 ? 60 * r.nextDouble() : 0);
        // at most one alert per quiet period, and in practice far fewer
        assertThat(alerts(detector.newMemory(), v).size()).isLessThanOrEqualTo(v.length / AnomalySettings.defaults().quiet() / 4);
    }

    @Test
    void aFlatLineRaisesNothingAndItsScoresStayFinite() {
        SeriesMemory m = detector.newMemory();
        for (int i = 0; i < 5000; i++) {
            AnomalyReading r = detector.observe(m, T0 + 60L * i, 42.0);
            assertThat(r.alert()).isFalse();
            assertThat(Double.isFinite(r.z()) && Double.isFinite(r.likelihoodZ())).isTrue();
        }
    }

    @Test
    void aSparseCounterAtZeroAllDayDoesNotAlertOnItsFirstFewEvents() {
        double[] v = new double[3000];
        v[1400] = 1;
        v[1420] = 2;
        assertThat(alerts(detector.newMemory(), v)).isEmpty();
    }

    @Test
    void aFlatLineThatJumpsToANewLevelAlertsAtOnce() {
        double[] v = new double[3000];
        for (int i = 2000; i < v.length; i++) v[i] = 50;
        List<Integer> alerts = alerts(detector.newMemory(), v);
        assertThat(alerts.getFirst()).isBetween(2000, 2003);
    }

    @Test
    void nanInfinityDuplicateAndOutOfOrderPointsAreSkippedAndChangeNothing() {
        SeriesMemory m = detector.newMemory();
        double[] v = noise(500, 4, 100, 5);
        for (int i = 0; i < v.length; i++) detector.observe(m, T0 + 60L * i, v[i]);
        String before = m.encode();
        long last = T0 + 60L * (v.length - 1);
        assertThat(detector.observe(m, last + 60, Double.NaN).cause()).isEqualTo(Cause.SKIPPED);
        assertThat(detector.observe(m, last + 60, Double.POSITIVE_INFINITY).cause()).isEqualTo(Cause.SKIPPED);
        assertThat(detector.observe(m, last, 1e9).cause()).isEqualTo(Cause.SKIPPED);        // the same minute again
        assertThat(detector.observe(m, last - 600, 1e9).cause()).isEqualTo(Cause.SKIPPED);  // ten minutes back
        assertThat(m.encode()).isEqualTo(before);
    }

    @Test
    void gapsInTheTimestampsNeitherCrashNorAlert() {
        SeriesMemory m = detector.newMemory();
        double[] v = noise(6000, 5, 100, 5);
        List<Cause> alerts = new ArrayList<>();
        long t = T0;
        Random r = new Random(6);
        for (double x : v) {
            t += r.nextDouble() < 0.05 ? 60L * (10 + r.nextInt(600)) : 60; // gaps of 10 min to 10 h
            AnomalyReading reading = detector.observe(m, t, x);
            if (reading.alert()) alerts.add(reading.cause());
        }
        // the seasonal part is the only one that reads the timestamps: the gaps must not make it speak. The resonance
        // part (which counts points, not minutes) alerts once on this noise, on a 4.2-sigma point in a new shape: the
        // price of its NAB gain (steady noise, 11 seeds of 20,000 points: 3 alerts with it, 0 without; see the README)
        assertThat(alerts).doesNotContain(Cause.SEASONAL).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aSeriesThatStartsMidAnomalyRaisesAtMostOneAlertWhenItRecovers() {
        double[] v = noise(4000, 7, 100, 5);
        for (int i = 0; i < 300; i++) v[i] += 80; // the first five hours are the incident
        assertThat(alerts(detector.newMemory(), v).size()).isLessThanOrEqualTo(1);
    }

    @Test
    void theMemoryIsBoundedAndSurvivesARoundTripThroughItsEncoding() {
        SeriesMemory m = detector.newMemory();
        double[] v = noise(5000, 8, 100, 5);
        for (int i = 2500; i < v.length; i++) v[i] += 40;
        int bound = SeriesMemory.maxBytes(detector.settings());
        assertThat(bound).isEqualTo(9_258); // what the README says a rule's memory costs in Redis
        Random walk = new Random(10);
        double level = 100;
        SeriesMemory wandering = detector.newMemory();
        for (int i = 0; i < 20_000; i++) {
            level += walk.nextGaussian(); // a random walk keeps making new histograms: references pile up
            detector.observe(wandering, T0 + 60L * i, level);
            if (i % 1000 == 999) assertThat(Base64.getDecoder().decode(wandering.encode()).length).isLessThanOrEqualTo(bound);
        }
        int references = AnomalySettings.REFERENCES * (8 * detector.settings().entropyBins() + 12);
        assertThat(Base64.getDecoder().decode(wandering.encode()).length).isBetween(bound - references + 1, bound);
        for (int i = 0; i < 2000; i++) detector.observe(m, T0 + 60L * i, v[i]);
        // Redis between two Lambda runs: the decoded memory answers exactly as the one that never left
        SeriesMemory copy = SeriesMemory.decode(m.encode(), detector.settings());
        for (int i = 2000; i < v.length; i++) {
            assertThat(detector.observe(copy, T0 + 60L * i, v[i])).isEqualTo(detector.observe(m, T0 + 60L * i, v[i]));
        }
        assertThat(copy.encode()).isEqualTo(m.encode());
    }

    @Test
    void aSpikeTheWindowHasAlreadyShownIsNotNewsButAHigherOneIs() {
        double[] v = noise(4000, 11, 100, 2);
        for (int i = 300; i < v.length; i += 288) v[i] = 160; // a nightly job: +30 sigma every 288 points
        v[3900] = 200;
        List<Integer> alerts = alerts(detector.newMemory(), v);
        // the first nightly spike after the warm-up is news (nothing like it in the window yet); later ones are not
        assertThat(alerts).hasSizeLessThanOrEqualTo(2).contains(3900);
        assertThat(alerts.stream().filter(i -> i > 1500 && i != 3900)).isEmpty();
        // without the margin (spikeMargin negative) every nightly spike alerts once it is out of the quiet period
        StreamingAnomalyDetector plain = new StreamingAnomalyDetector(AnomalySettings.defaults().with("spikeMargin", "-1"));
        SeriesMemory m = plain.newMemory();
        int plainAlerts = 0;
        for (int i = 0; i < v.length; i++) if (plain.observe(m, T0 + 60L * i, v[i]).alert()) plainAlerts++;
        assertThat(plainAlerts).isGreaterThanOrEqualTo(10);
    }

    @Test
    void withTheSequencePartOnItsTableIsInTheBoundAndTheRoundTrip() {
        AnomalySettings s = AnomalySettings.defaults().with("sequence", "on");
        StreamingAnomalyDetector sequenced = new StreamingAnomalyDetector(s);
        SeriesMemory m = sequenced.newMemory();
        double[] v = noise(3000, 12, 100, 5);
        for (int i = 0; i < 2000; i++) sequenced.observe(m, T0 + 60L * i, v[i]);
        assertThat(SeriesMemory.maxBytes(s) - SeriesMemory.maxBytes(AnomalySettings.defaults())).isEqualTo(4 * 8 * 8 * 8);
        assertThat(Base64.getDecoder().decode(m.encode()).length).isLessThanOrEqualTo(SeriesMemory.maxBytes(s));
        SeriesMemory copy = SeriesMemory.decode(m.encode(), s);
        for (int i = 2000; i < v.length; i++) {
            assertThat(sequenced.observe(copy, T0 + 60L * i, v[i])).isEqualTo(sequenced.observe(m, T0 + 60L * i, v[i]));
        }
        assertThat(copy.encode()).isEqualTo(m.encode());
    }

    /** A daily cycle at one-minute points (100 +- 30) with noise of 3, for {@code days} days. */
    private static double[] daily(int days, long seed) {
        double[] v = noise(days * 1440, seed, 100, 3);
        for (int i = 0; i < v.length; i++) v[i] += 30 * Math.sin(2 * Math.PI * i / 1440.0);
        return v;
    }

    @Test
    void aMissingDailyPeakAlertsFromTheSeasonalPart() {
        double[] v = daily(6, 21);
        // day 5's peak (minutes 240-480 of the cycle: the top quarter) never comes: the value stays at the day's mean,
        // inside everything the window has seen; a time-of-day baseline knows it should be 20-30 higher
        int from = 5 * 1440 + 240, to = 5 * 1440 + 480;
        for (int i = from; i < to; i++) v[i] = 100 + 3 * new Random(i).nextGaussian();
        List<Integer> seasonal = new ArrayList<>();
        SeriesMemory m = detector.newMemory();
        for (int i = 0; i < v.length; i++) {
            AnomalyReading r = detector.observe(m, T0 - Math.floorMod(T0, 86_400L) + 60L * i, v[i]);
            if (r.alert() && r.cause() == Cause.SEASONAL) seasonal.add(i);
        }
        assertThat(seasonal).isNotEmpty();
        assertThat(seasonal.getFirst()).isBetween(from, to);
        assertThat(risingAt(seasonal.getFirst(), v)).isFalse(); // the missing peak is on the low side
    }

    /** The reading's side at minute i of v, fed from a fresh memory at midnight UTC. */
    private boolean risingAt(int i, double[] v) {
        SeriesMemory m = detector.newMemory();
        AnomalyReading last = null;
        for (int k = 0; k <= i; k++) last = detector.observe(m, T0 - Math.floorMod(T0, 86_400L) + 60L * k, v[k]);
        return last.rising();
    }

    @Test
    void aSteadyDailyCycleNeverAlertsFromTheSeasonalPart() {
        // (the window-based parts may speak on the first day, when the 8.5 h window has not seen a whole cycle yet)
        double[] v = daily(8, 22);
        SeriesMemory m = detector.newMemory();
        for (int i = 0; i < v.length; i++) {
            assertThat(detector.observe(m, T0 + 60L * i, v[i]).cause()).as("minute %d", i).isNotEqualTo(Cause.SEASONAL);
        }
    }

    @Test
    void theChangePointPartCatchesASmallSustainedShiftTheOthersAreSwitchedOffFor() {
        AnomalySettings s = AnomalySettings.defaults().with("spike", "off").with("likelihood", "off").with("entropy", "off")
                .with("season", "off").with("cusum", "on").with("cusumK", "0.5").with("cusumH", "20");
        StreamingAnomalyDetector cusum = new StreamingAnomalyDetector(s);
        double[] v = noise(3000, 23, 100, 5);
        for (int i = 2000; i < v.length; i++) v[i] += 10; // two sigmas
        SeriesMemory m = cusum.newMemory();
        List<Integer> alerts = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            AnomalyReading r = cusum.observe(m, T0 + 60L * i, v[i]);
            if (r.alert()) {
                assertThat(r.cause()).isEqualTo(Cause.CHANGE_POINT);
                assertThat(r.rising()).isTrue();
                alerts.add(i);
            }
        }
        assertThat(alerts).isNotEmpty();
        assertThat(alerts.getFirst()).isBetween(2000, 2040);
    }

    /** A memory that has seen a day of noise, encoded. */
    private String m(AnomalySettings s) {
        SeriesMemory m = detector.newMemory();
        double[] v = noise(1500, 9, 100, 5);
        for (int i = 0; i < v.length; i++) detector.observe(m, T0 + 60L * i, v[i]);
        return m.encode();
    }

    @Test
    void aDamagedOrForeignEncodingGivesAFreshMemory() {
        SeriesMemory fresh = detector.newMemory();
        AnomalySettings s = AnomalySettings.defaults();
        assertThat(SeriesMemory.decode("not base64 at all!", s).encode()).isEqualTo(fresh.encode());
        assertThat(SeriesMemory.decode("AAAA", s).encode()).isEqualTo(fresh.encode());
        SeriesMemory other = new SeriesMemory(s.with("window", "100"));
        assertThat(SeriesMemory.decode(other.encode(), s).window()).isEqualTo(s.window());
        // a memory written with the sequence part on is foreign to settings with it off, and the other way round
        AnomalySettings withSequence = s.with("sequence", "on");
        assertThat(SeriesMemory.decode(new SeriesMemory(withSequence).encode(), s).sequenceBins()).isZero();
        assertThat(SeriesMemory.decode(fresh.encode(), withSequence).sequenceBins()).isEqualTo(withSequence.sequenceBins());
        // a memory cut short (a truncated Redis value) is not half-read
        String whole = m(s);
        assertThat(SeriesMemory.decode(whole.substring(0, whole.length() / 2), s).encode()).isEqualTo(fresh.encode());
    }

    @Test
    void settingsAreChangedByNameAndAnUnknownNameIsRefused() {
        AnomalySettings s = AnomalySettings.defaults().with("spikeZ", "12").with("entropy", "off");
        assertThat(s.spikeZ()).isEqualTo(12.0);
        assertThat(s.entropy()).isFalse();
        assertThatThrownBy(() -> AnomalySettings.defaults().with("spikez", "12")).hasMessageContaining("unknown detector setting 'spikez'");
        assertThatThrownBy(() -> AnomalySettings.defaults().with("spike", "maybe")).hasMessageContaining("on or off");
        assertThatThrownBy(() -> AnomalySettings.defaults().with("window", "4")).hasMessageContaining("at least 8");
    }
}
