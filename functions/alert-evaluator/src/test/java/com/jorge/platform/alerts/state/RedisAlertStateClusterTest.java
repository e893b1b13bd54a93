package com.jorge.platform.alerts.state;

import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestRedisCluster;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert state on a real six-node cluster: every change is on the shard's replica when it is acknowledged. */
class RedisAlertStateClusterTest {

    private static final Instant T = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void everyChangeIsOnTheReplicaWhenAcknowledgedAndWithoutAReplicaItIsActedOnButCountedUnconfirmed() {
        try (TestRedisCluster cluster = TestRedisCluster.start();
             RedisConnector redis = new RedisConnector(String.join(",", cluster.seedUrls()), true, Duration.ofSeconds(2))) {
            String prefix = TestRedis.namespace("alerts-cluster") + ":";
            RedisAlertState state = new RedisAlertState(redis, prefix, Duration.ofMinutes(60)); // as the functions build it
            String key = prefix + "{alert}:latency";
            int shard = SlotHash.getSlot(key) * 3 / 16384; // nodes 0..2 master slots in thirds, 3..5 are their replicas
            int replica = shard + 3;
            RedisClient direct = RedisClient.create("redis://127.0.0.1:" + cluster.port(replica));
            try (StatefulRedisConnection<String, String> onReplica = direct.connect()) {
                onReplica.sync().readOnly();

                assertThat(state.decide("latency", Evidence.CONFIRMED_BAD, T)).isEqualTo(Transition.FIRE);
                // WAIT 1 returned: the replica holds the change already, no polling
                assertThat(onReplica.sync().hget(key, "firing")).isEqualTo("1");
                assertThat(state.decide("latency", Evidence.CONFIRMED_CLEAR, T.plusSeconds(60))).isEqualTo(Transition.RESOLVE);
                assertThat(onReplica.sync().exists(key)).isZero();
                state.sendFailed("latency", Transition.RESOLVE); // the notice failed: still firing, on the replica too
                assertThat(onReplica.sync().hget(key, "firing")).isEqualTo("1");
                assertThat(state.unconfirmedChanges()).isZero();
            } finally {
                direct.shutdown();
            }

            cluster.kill(replica);
            // no replica left in the shard: WAIT times out on its own timeout (1 s), the change is acted on and counted
            assertThat(state.decide("latency", Evidence.CONFIRMED_CLEAR, T.plusSeconds(120))).isEqualTo(Transition.RESOLVE);
            assertThat(state.decide("latency", Evidence.CONFIRMED_BAD, T.plusSeconds(180))).isEqualTo(Transition.FIRE);
            assertThat(state.unconfirmedChanges()).isEqualTo(2);
        }
    }
}
