package com.jorge.platform.bi.attribution;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributionModelTest {

    static final Instant DECIDED = Instant.parse("2026-03-15T00:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    static List<Touch> journey(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Touch(Touch.Kind.CHANNEL, "c" + i, null,
                DECIDED.minus(Duration.ofDays(7L * (n - 1 - i))))).toList();
    }

    @Test
    void positionBasedIsFortyTwentyFortyAndDegradesForShortJourneys() {
        assertThat(AttributionModel.POSITION_BASED.credit(100_00, journey(1), DECIDED, WEEK)).containsExactly(100_00);
        assertThat(AttributionModel.POSITION_BASED.credit(100_01, journey(2), DECIDED, WEEK)).containsExactly(50_01, 50_00);
        assertThat(AttributionModel.POSITION_BASED.credit(100_00, journey(3), DECIDED, WEEK)).containsExactly(40_00, 20_00, 40_00);
        // 20 % over four middle touches: 5 % each
        assertThat(AttributionModel.POSITION_BASED.credit(100_00, journey(6), DECIDED, WEEK))
                .containsExactly(40_00, 5_00, 5_00, 5_00, 5_00, 40_00);
    }

    @Test
    void timeDecayHalvesPerHalfLifeEvenForVeryOldJourneys() {
        // ages 21, 14, 7, 0 days: weights 1/8, 1/4, 1/2, 1 of 15/8
        assertThat(AttributionModel.TIME_DECAY.credit(150_00, journey(4), DECIDED, WEEK))
                .containsExactly(10_00, 20_00, 40_00, 80_00);
        // the same journey decided ten years later: relative weights unchanged, nothing underflows
        assertThat(AttributionModel.TIME_DECAY.credit(150_00, journey(4), DECIDED.plus(Duration.ofDays(3650)), WEEK))
                .containsExactly(10_00, 20_00, 40_00, 80_00);
    }

    @Test
    void firstAndLastTouchGiveEverythingToOneEnd() {
        assertThat(AttributionModel.FIRST_TOUCH.credit(999, journey(3), DECIDED, WEEK)).containsExactly(999, 0, 0);
        assertThat(AttributionModel.LAST_TOUCH.credit(999, journey(3), DECIDED, WEEK)).containsExactly(0, 0, 999);
    }

    @Test
    void largestRemainderAlwaysAddsUpAndTiesGoToTheEarlierPart() {
        assertThat(LargestRemainder.split(100, List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))).containsExactly(34, 33, 33);
        assertThat(LargestRemainder.split(-100, List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))).containsExactly(-34, -33, -33);
        assertThat(LargestRemainder.split(2, List.of(BigDecimal.ONE, new BigDecimal("2"), BigDecimal.ONE))).containsExactly(1, 1, 0);
        for (long total = 0; total < 500; total += 7) {
            long[] parts = LargestRemainder.split(total, List.of(new BigDecimal("0.3"), new BigDecimal("1.7"), new BigDecimal("0.0001")));
            assertThat(parts[0] + parts[1] + parts[2]).isEqualTo(total);
        }
        assertThatThrownBy(() -> LargestRemainder.split(5, List.of(BigDecimal.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
