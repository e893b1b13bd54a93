package com.jorge.platform.cache;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestRedisCluster;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadCacheTest {

    private static TestRedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestRedisCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void standaloneRedisKeepsStateAndProfileWithTtls() {
        try (RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500))) {
            exercise(redis, new CacheKeys(TestRedis.namespace("cache")));
        }
    }

    @Test
    void theSameCodeRunsOnARealSixNodeCluster() {
        String seeds = String.join(",", cluster.seedUrls());
        try (RedisConnector redis = new RedisConnector(seeds, true, Duration.ofMillis(500))) {
            CacheKeys keys = new CacheKeys(TestRedis.namespace("cluster"));
            exercise(redis, keys);
            LeadRef lead = new LeadRef("locX", "contactY");
            RedisClusterCommands<String, String> cmd = redis.commands();
            // one lead's keys share a hash slot, so they can be read and written together in cluster mode
            assertThat(cmd.clusterKeyslot(keys.conversation(lead))).isEqualTo(cmd.clusterKeyslot(keys.profile(lead)));
            assertThat(cmd.clusterKeyslot(keys.conversation(lead)))
                    .isNotEqualTo(cmd.clusterKeyslot(keys.conversation(new LeadRef("locX", "someoneElse"))));
            // and leads spread over the masters
            long distinctSlots = java.util.stream.IntStream.range(0, 50)
                    .mapToObj(i -> cmd.clusterKeyslot(keys.conversation(new LeadRef("loc", "c" + i)))).distinct().count();
            assertThat(distinctSlots).isGreaterThan(40);
        }
    }

    @Test
    void anAuthTokenFromConfigurationOpensAPasswordProtectedRedis() throws Exception {
        int port = TestRedis.freePort();
        redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("requirepass token-from-secrets-manager").setting("save \"\"").build();
        server.start();
        try {
            var config = com.jorge.platform.config.PlatformConfig.of(java.util.Map.of(
                    "REDIS_URL", "redis://127.0.0.1:" + port, "REDIS_AUTH", "token-from-secrets-manager"));
            try (RedisConnector authed = RedisConnector.fromConfig(config, Duration.ofMillis(500))) {
                exercise(authed, new CacheKeys("auth"));
            }
            try (RedisConnector anonymous = new RedisConnector("redis://127.0.0.1:" + port, false, Duration.ofMillis(500))) {
                LeadCache cache = new LeadCache(anonymous, new CacheKeys("auth"), PlatformJson.mapper(), Duration.ofMinutes(1), Duration.ofMinutes(1));
                assertThatThrownBy(() -> cache.conversation(new LeadRef("l", "c"))).isInstanceOf(CacheUnavailableException.class);
            }
            assertThat(RedisConnector.fromConfig(com.jorge.platform.config.PlatformConfig.of(java.util.Map.of()), Duration.ofMillis(100)))
                    .as("no REDIS_URL: no cache").isNull();
        } finally {
            server.stop();
        }
    }

    @Test
    void anUnreachableRedisFailsFastWithOneExceptionType() {
        int closedPort = TestRedis.freePort();
        try (RedisConnector redis = new RedisConnector("redis://127.0.0.1:" + closedPort, false, Duration.ofMillis(100))) {
            LeadCache cache = new LeadCache(redis, new CacheKeys("x"), PlatformJson.mapper(), Duration.ofMinutes(1), Duration.ofMinutes(1));
            LeadRef lead = new LeadRef("l", "c");
            long start = System.nanoTime();
            assertThatThrownBy(() -> cache.conversation(lead)).isInstanceOf(CacheUnavailableException.class);
            // within the back-off, later calls fail without another connection attempt
            for (int i = 0; i < 100; i++) {
                assertThatThrownBy(() -> cache.putConversation(lead, ConversationState.fresh(BotType.SELLER)))
                        .isInstanceOf(CacheUnavailableException.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static void exercise(RedisConnector redis, CacheKeys keys) {
        LeadCache cache = new LeadCache(redis, keys, PlatformJson.mapper(), Duration.ofMinutes(10), Duration.ofMinutes(2));
        LeadRef lead = new LeadRef("locX", "contactY");
        assertThat(cache.conversation(lead)).isEmpty();
        ConversationState state = ConversationState.fresh(BotType.SELLER).withStage("ask:seller.timeline")
                .withFacts(java.util.Map.of("seller.motivation", "relocating")).withTurns(1)
                .withTemperature(com.jorge.platform.conversation.Temperature.WARM, List.of("motivated")).withVersion(3);
        cache.putConversation(lead, state);
        assertThat(cache.conversation(lead)).contains(state);
        ContactRecord profile = new ContactRecord("locX", "contactY", "Ana", "Ruiz", "+15125550101", "ana@example.com",
                List.of("website-lead"), false, "America/Chicago", false);
        cache.putProfile(lead, profile);
        assertThat(cache.profile(lead)).contains(profile);
        long ttl = redis.commands().pttl(keys.conversation(lead));
        assertThat(ttl).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        assertThat(redis.commands().pttl(keys.profile(lead))).isBetween(Duration.ofMinutes(1).toMillis(), Duration.ofMinutes(2).toMillis());
        cache.evict(lead);
        assertThat(cache.conversation(lead)).isEmpty();
        assertThat(cache.profile(lead)).isEmpty();
    }
}
