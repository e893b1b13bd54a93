package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.cachewarmer.WarmClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChanceCalibrationTest {

    private static final long MIN = 60_000L;

    @Test
    void aBucketsRateIsWhatWasReadWithinTheWindowAndOnlyOnceTheWindowHasPassed() {
        ChanceCalibration calibration = new ChanceCalibration(2, 1, 45 * MIN);
        // lead 0 predicted at 0.9 twenty times, read within the window in 5 of them; location 0 (item 2) at 0.3, read every time
        for (int i = 0; i < 20; i++) {
            long at = i * 60 * MIN;
            calibration.predict(0, WarmClass.FOLLOW_UP, 0.9, at);
            calibration.predict(2, WarmClass.BI, 0.3, at);
            if (i % 4 == 0) calibration.read(0, at + 10 * MIN);
            calibration.read(1, at + 50 * MIN); // lead 1: not predicted, counts for nobody
            calibration.read(2, at + 44 * MIN);
        }
        calibration.resolve(18 * 60 * MIN + 45 * MIN);
        // 19 windows have passed (the one opened at 19 h has not): 5 reads of lead 0, 19 of the location
        assertEquals((5 + com.jorge.platform.cachewarmer.ChanceCalibration.PRIOR * 0.9) / (19 + com.jorge.platform.cachewarmer.ChanceCalibration.PRIOR), calibration.calibrated(WarmClass.FOLLOW_UP, 0.9), 1e-12);
        assertEquals((19 + com.jorge.platform.cachewarmer.ChanceCalibration.PRIOR * 0.3) / (19 + com.jorge.platform.cachewarmer.ChanceCalibration.PRIOR), calibration.calibrated(WarmClass.BI, 0.3), 1e-12);
        assertEquals(0.6, calibration.calibrated(WarmClass.RECENT_INBOUND, 0.6), 1e-12, "a bucket with no outcome yet keeps the raw chance");
    }

    @Test
    void aReadAfterTheWindowDoesNotCount() {
        ChanceCalibration calibration = new ChanceCalibration(1, 0, 45 * MIN);
        calibration.predict(0, WarmClass.AWAITING_REPLY, 0.5, 0);
        calibration.read(0, 45 * MIN);
        calibration.resolve(60 * MIN);
        assertEquals(com.jorge.platform.cachewarmer.ChanceCalibration.PRIOR * 0.5 / (1 + com.jorge.platform.cachewarmer.ChanceCalibration.PRIOR), calibration.calibrated(WarmClass.AWAITING_REPLY, 0.5), 1e-12);
    }
}
