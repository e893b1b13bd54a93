package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

    private static PlattCalibration fitOutcomesDrawnFrom(double slope, double intercept) {
        return fitOutcomesDrawnFrom(slope, intercept, 40_000, 2);
    }

    private static PlattCalibration fitOutcomesDrawnFrom(double slope, double intercept, int n, double spread) {
        Random random = new Random(3);
        double[] margins = new double[n];
        boolean[] converted = new boolean[n];
        for (int i = 0; i < n; i++) {
            margins[i] = random.nextGaussian() * spread;
            converted[i] = random.nextDouble() < PlattCalibration.sigmoid(slope * margins[i] + intercept);
        }
        return PlattCalibration.fit(margins, converted);
    }

    @Test
    void overconfidentMarginsOnFewLeadsAreScaledDownNotSentToInfinity() {
        // trees overfitted on a few hundred leads: margins of +-10 where the truth is a quarter of that.
        // Plain Newton from (1, 0) ends at a slope of about 1e10 here: a step function, not a probability.
        PlattCalibration fitted = fitOutcomesDrawnFrom(0.25, -0.5, 90, 10);
        assertThat(fitted.slope()).isBetween(0.05, 0.6);
        assertThat(fitted.intercept()).isBetween(-2.0, 1.0);
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
