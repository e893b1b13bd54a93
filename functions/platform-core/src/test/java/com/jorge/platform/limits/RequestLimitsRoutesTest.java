package com.jorge.platform.limits;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each endpoint keeps its own buckets in Redis. Bucket4j keeps the limit a bucket was created with, so when the
 * intake (3,000 a minute per location) and the inbox (600) shared a location's key, whichever came first set the
 * limit for both, and one's traffic used up the other's.
 */
class RequestLimitsRoutesTest {

    private final PlatformConfig redis = PlatformConfig.of(Map.of("REDIS_URL", TestRedis.standaloneUrl(),
            "REDIS_NAMESPACE", TestRedis.namespace("limit-routes")));

    @Test
    void aClientAndALocationLimitedOnOneRouteAreNotLimitedOnAnother() {
        RequestLimits tight = RequestLimits.fromConfig(redis, "webhook", new RequestLimits.Limit(1), new RequestLimits.Limit(1));
        RequestLimits roomy = RequestLimits.fromConfig(redis, "inbox", new RequestLimits.Limit(5), new RequestLimits.Limit(5));

        assertThat(tight.client("198.51.100.7")).isInstanceOf(RequestLimits.Verdict.Allowed.class);
        assertThat(tight.location("loc-a")).isInstanceOf(RequestLimits.Verdict.Allowed.class);
        assertThat(tight.client("198.51.100.7")).isInstanceOf(RequestLimits.Verdict.Limited.class);
        assertThat(tight.location("loc-a")).isInstanceOf(RequestLimits.Verdict.Limited.class);
        for (int i = 0; i < 5; i++) {
            assertThat(roomy.client("198.51.100.7")).as("inbox call %d", i).isInstanceOf(RequestLimits.Verdict.Allowed.class);
            assertThat(roomy.location("loc-a")).as("inbox call %d", i).isInstanceOf(RequestLimits.Verdict.Allowed.class);
        }
        assertThat(roomy.client("198.51.100.7")).isInstanceOf(RequestLimits.Verdict.Limited.class);
    }
}
