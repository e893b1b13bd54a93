package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

    private static PlattCalibration fitOutcomesDrawnFrom(double slope, double intercept) {
        Random random = new Random(3);
        int n = 40_000;
        double[] margins = new double[n];
        boolean[] converted = new boolean[n];
        for (int i = 0; i < n; i++) {
            margins[i] = random.nextGaussian() * 2;
            converted[i] = random.nextDouble() < PlattCalibration.sigmoid(slope * margins[i] + intercept);
        }
        return PlattCalibration.fit(margins, converted);
    }

    @Test
    void recoversTheSlopeAndInterceptThatGeneratedTheOutcomes() {
        PlattCalibration fitted = fitOutcomesDrawnFrom(0.6, -1.0);
        assertThat(fitted.slope()).isCloseTo(0.6, within(0.05));
        assertThat(fitted.intercept()).isCloseTo(-1.0, within(0.05));
    }

    @Test
    void leavesCalibratedMarginsNearlyAlone() {
        PlattCalibration fitted = fitOutcomesDrawnFrom(1, 0);
        assertThat(fitted.slope()).isCloseTo(1, within(0.05));
        assertThat(fitted.intercept()).isCloseTo(0, within(0.05));
        assertThat(PlattCalibration.IDENTITY.probability(0)).isEqualTo(0.5);
    }
}
