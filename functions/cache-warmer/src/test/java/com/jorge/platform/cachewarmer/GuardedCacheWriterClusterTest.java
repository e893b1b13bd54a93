package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestRedisCluster;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The guarded writes on a real six-node cluster, as ElastiCache runs in cluster mode. */
class GuardedCacheWriterClusterTest {

    static TestRedisCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestRedisCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void bothKeysOfALeadAreWrittenInOneScriptOnWhicheverMasterOwnsItsSlot() {
        try (RedisConnector redis = new RedisConnector(String.join(",", cluster.seedUrls()), true, Duration.ofSeconds(1))) {
            CacheKeys keys = new CacheKeys(TestRedis.namespace("warmer-cluster"));
            GuardedCacheWriter writer = new GuardedCacheWriter(redis, keys, Duration.ofMinutes(10));
            RedisClusterCommands<String, String> cmd = redis.commands();
            var leads = IntStream.range(0, 30).mapToObj(i -> new LeadRef("loc-" + i, "c-" + i)).toList();

            for (LeadRef lead : leads) {
                assertThat(writer.warm(lead, "{\"version\":3,\"stage\":\"qualifying\"}", 3, "{\"firstName\":\"A\"}").any()).isTrue();
            }
            // again with an older version: the cached state stays, nothing is written
            for (LeadRef lead : leads) {
                assertThat(writer.warm(lead, "{\"version\":2,\"stage\":\"old\"}", 2, "{\"firstName\":\"B\"}").any()).isFalse();
                assertThat(cmd.get(keys.conversation(lead))).contains("qualifying");
                assertThat(cmd.get(keys.profile(lead))).contains("\"A\"");
            }
            // a newer version replaces it; the profile (worker-evicted, never versioned) stays
            GuardedCacheWriter.Written newer = writer.warm(leads.get(0), "{\"version\":4,\"stage\":\"booking\"}", 4, "{\"firstName\":\"C\"}");
            assertThat(newer).isEqualTo(new GuardedCacheWriter.Written(true, false));
            assertThat(cmd.get(keys.conversation(leads.get(0)))).contains("booking");

            // retract deletes only what it is told it wrote, and only while it is still there
            assertThat(writer.retract(leads.get(1), "{\"version\":3,\"stage\":\"qualifying\"}", "{\"firstName\":\"other\"}")).isEqualTo(1);
            assertThat(cmd.exists(keys.conversation(leads.get(1)))).isZero();
            assertThat(cmd.exists(keys.profile(leads.get(1)))).isEqualTo(1);
        }
    }
}
