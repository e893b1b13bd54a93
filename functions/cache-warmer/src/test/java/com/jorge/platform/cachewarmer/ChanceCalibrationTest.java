package com.jorge.platform.cachewarmer;

import com.jorge.platform.json.PlatformJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChanceCalibrationTest {

    @Test
    void withoutOutcomesTheRawChanceStandsAndOutcomesPullTowardsTheObservedRate() {
        ChanceCalibration c = new ChanceCalibration();
        assertThat(c.calibrated(WarmClass.RECENT_INBOUND, 0.72, 1)).isCloseTo(0.72, within(1e-9));
        for (int i = 0; i < 90; i++) c.observe(WarmClass.RECENT_INBOUND, 0.72, i % 45 == 0); // 2 of 90 read
        // (2 + 10 × 0.72) / (90 + 10): the bucket's rate, shrunk a little towards the raw chance
        assertThat(c.calibrated(WarmClass.RECENT_INBOUND, 0.72, 1)).isCloseTo(0.092, within(1e-9));
        assertThat(c.calibrated(WarmClass.FOLLOW_UP, 0.72, 1)).isCloseTo(0.72, within(1e-9)); // classes apart
        // a 1-in-16 capture sees a two-key use with chance 1 - (15/16)^2: the observed rate is scaled up, at most to 1
        double detection = 1 - Math.pow(15.0 / 16, 2);
        assertThat(c.calibrated(WarmClass.RECENT_INBOUND, 0.72, detection)).isCloseTo((2 / detection + 7.2) / 100, within(1e-9));
    }

    @Test
    void stateStaysBoundedAndSurvivesItsJson() throws Exception {
        ChanceCalibration c = new ChanceCalibration();
        for (int i = 0; i < 5_000; i++) c.observe(WarmClass.BI, 0.9, true);
        assertThat(c.outcomes(WarmClass.BI, 0.9)).isLessThanOrEqualTo(ChanceCalibration.MAX_OUTCOMES);
        for (int i = 0; i < 3 * ChanceCalibration.MAX_PENDING; i++) {
            c.predict(new ChanceCalibration.Pending(WarmClass.FOLLOW_UP, "loc", "c" + i, 0.95, i));
        }
        assertThat(c.pendingCount()).isEqualTo(ChanceCalibration.MAX_PENDING);
        c.noteBytes(WarmClass.FOLLOW_UP, 4_000);
        var json = PlatformJson.mapper();
        ChanceCalibration back = ChanceCalibration.of(json.readValue(json.writeValueAsString(c.snapshot()), ChanceCalibration.Snapshot.class));
        assertThat(back.calibrated(WarmClass.BI, 0.9, 1)).isEqualTo(c.calibrated(WarmClass.BI, 0.9, 1));
        assertThat(back.pendingCount()).isEqualTo(ChanceCalibration.MAX_PENDING);
        assertThat(back.meanBytes(WarmClass.FOLLOW_UP)).isEqualTo(4_000);
        assertThat(back.meanBytes(WarmClass.RECENT_INBOUND)).isEqualTo(4_000); // a lead weighs what it weighs, whatever the signal
        assertThat(back.meanBytes(WarmClass.BI)).isEqualTo(ChanceCalibration.BI_BYTES);
        // the oldest predictions went first; the due ones leave the queue
        assertThat(back.due(2 * ChanceCalibration.MAX_PENDING + 10, 0)).hasSize(11);
    }
}
