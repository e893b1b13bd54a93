package com.jorge.platform.intake;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The production windows against real Redis: GHL's retries of a 429 are fresh, replays are not. */
class ReplayGuardTest {

    private static RedisConnector redis;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final CacheKeys keys = new CacheKeys(TestRedis.namespace("replay"));
    private final ReplayGuard guard = new ReplayGuard(redis, keys, clock, IntakeFunction.MAX_DELIVERY_AGE,
            IntakeFunction.MAX_CLOCK_AHEAD);

    @BeforeAll
    static void connect() {
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500));
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @Test
    void aSixthRetryCarryingTheOriginalTimestampIsStillFresh() {
        Instant signed = clock.instant();
        clock.advance(Duration.ofMinutes(66)); // six retries about ten minutes apart, plus jitter
        assertThat(guard.check("loc", "wh-late", signed)).isEqualTo(ReplayGuard.Verdict.FRESH);
        clock.advance(Duration.ofMinutes(10));
        assertThat(guard.check("loc", "wh-late", signed)).isEqualTo(ReplayGuard.Verdict.STALE);
    }

    @Test
    void aTimestampAheadOfOurClockIsAllowedOnlyClockSkew() {
        assertThat(guard.check("loc", "wh-ahead", clock.instant().plus(Duration.ofMinutes(4))))
                .isEqualTo(ReplayGuard.Verdict.FRESH);
        assertThat(guard.check("loc", "wh-ahead", clock.instant().plus(Duration.ofMinutes(6))))
                .isEqualTo(ReplayGuard.Verdict.STALE);
    }

    @Test
    void aReplayIsADuplicateForAsLongAsItsTimestampCouldPass() {
        guard.remember("loc", "wh-seen");
        assertThat(guard.check("loc", "wh-seen", clock.instant())).isEqualTo(ReplayGuard.Verdict.DUPLICATE);
        long ttlMillis = redis.commands().pttl(keys.webhookSeen("loc", "wh-seen"));
        assertThat(Duration.ofMillis(ttlMillis)).isGreaterThan(IntakeFunction.MAX_DELIVERY_AGE);
    }
}
