package com.jorge.platform.alerts.state;

import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAlertStateTest {

    private static RedisConnector redis;
    private static RedisAlertState state;
    private static String prefix;
    private static final Instant T = Instant.parse("2026-11-22T01:00:00Z");

    @BeforeAll
    static void connect() {
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofSeconds(2));
        prefix = TestRedis.namespace("alerts") + ":";
        state = new RedisAlertState(redis, prefix, Duration.ofMinutes(60));
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @Test
    void anAlertFiresOnceRepeatsAfterTheCooldownAndResolvesWhenTheForecastClears() {
        String rule = "lifecycle";
        assertThat(state.decide(rule, Evidence.CONFIRMED_CLEAR, T)).isEqualTo(Transition.NONE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T)).isEqualTo(Transition.FIRE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T.plusSeconds(60))).isEqualTo(Transition.NONE);
        assertThat(state.decide(rule, Evidence.MIXED, T.plusSeconds(120))).isEqualTo(Transition.NONE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T.plusSeconds(3600))).isEqualTo(Transition.REPEAT);
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T.plusSeconds(3660))).isEqualTo(Transition.NONE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_CLEAR, T.plusSeconds(3720))).isEqualTo(Transition.RESOLVE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_CLEAR, T.plusSeconds(3780))).isEqualTo(Transition.NONE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T.plusSeconds(3840))).isEqualTo(Transition.FIRE);
    }

    @Test
    void concurrentRunsSendANewAlertExactlyOnce() throws Exception {
        String rule = "race";
        int runs = 16;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Transition>> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return state.decide(rule, Evidence.CONFIRMED_BAD, T);
                }));
            }
            go.countDown();
            List<Transition> seen = new ArrayList<>();
            for (Future<Transition> f : results) seen.add(f.get());
            assertThat(seen).filteredOn(t -> t == Transition.FIRE).hasSize(1);
            assertThat(seen).filteredOn(t -> t == Transition.NONE).hasSize(runs - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNoticeThatCouldNotBeSentIsSentByTheNextRun() {
        String rule = "unsent";
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T)).isEqualTo(Transition.FIRE);
        state.sendFailed(rule, Transition.FIRE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_BAD, T.plusSeconds(60))).isEqualTo(Transition.FIRE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_CLEAR, T.plusSeconds(120))).isEqualTo(Transition.RESOLVE);
        state.sendFailed(rule, Transition.RESOLVE);
        assertThat(state.decide(rule, Evidence.CONFIRMED_CLEAR, T.plusSeconds(180))).isEqualTo(Transition.RESOLVE);
    }

    @Test
    void ruleStateExpiresOnItsOwn() {
        String rule = "expiring";
        state.decide(rule, Evidence.CONFIRMED_BAD, T);
        Long ttl = redis.commands().ttl(keyOf(rule));
        assertThat(ttl).isBetween(Duration.ofHours(23).toSeconds(), Duration.ofDays(1).toSeconds());
    }

    private static String keyOf(String rule) {
        return prefix + "{alert}:" + rule;
    }
}
