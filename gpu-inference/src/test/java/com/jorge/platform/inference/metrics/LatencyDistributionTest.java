package com.jorge.platform.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {

    @Test
    void everyLatencyLandsInABucketWhoseMidpointIsWithinThreePercent() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double millis = Math.exp(random.nextDouble(Math.log(0.002), Math.log(100_000)));
            double mid = LatencyDistribution.midpoint(LatencyDistribution.index(millis));
            assertThat(Math.abs(mid - millis) / millis).as("%s ms", millis).isLessThanOrEqualTo(0.0313);
        }
    }

    @Test
    void drainReturnsEachBucketOnceWithItsCountAndStartsAfresh() {
        LatencyDistribution d = new LatencyDistribution();
        for (int i = 0; i < 7; i++) {
            d.recordNanos(1_500_000); // 1.5 ms
        }
        d.recordNanos(40_000_000); // 40 ms
        d.recordNanos(-5);         // a clock step backwards: the smallest bucket, never lost

        var buckets = d.drain();
        assertThat(buckets).hasSize(3);
        assertThat(buckets.stream().mapToLong(LatencyDistribution.Bucket::count).sum()).isEqualTo(9);
        assertThat(buckets.get(1).count()).isEqualTo(7);
        assertThat(buckets.get(1).millis()).isCloseTo(1.5, org.assertj.core.data.Percentage.withPercentage(3.2));
        assertThat(buckets.get(2).millis()).isCloseTo(40, org.assertj.core.data.Percentage.withPercentage(3.2));
        assertThat(buckets).isSortedAccordingTo((a, b) -> Double.compare(a.millis(), b.millis()));
        assertThat(d.drain()).isEmpty();
    }

    @Test
    void latenciesBeyondTheRangeAreClampedNotDropped() {
        LatencyDistribution d = new LatencyDistribution();
        d.recordNanos(Long.MAX_VALUE);
        d.recordNanos(100); // 0.1 µs
        assertThat(d.drain()).hasSize(2);
    }
}
