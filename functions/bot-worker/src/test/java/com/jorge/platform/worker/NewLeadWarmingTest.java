package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import com.jorge.platform.worker.state.NewLeadWarming;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GHL's ContactCreate writes the keys a new lead's first turn reads (NewLeadWarming), through the whole worker:
 * real PostgreSQL and Redis, the fake GHL API.
 */
class NewLeadWarmingTest {

    private static final String LOC = "locN";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T16:00:00Z"));
    private final String namespace = TestRedis.namespace("newlead");
    private WorkerTestRig rig;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisServer privateRedis;

    private RedisCommands<String, String> rig(String redisUrl, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("REDIS_NAMESPACE", namespace);
        rig = new WorkerTestRig(BotSuite.of(new StarterQualificationPolicy()), clock, redisUrl, all);
        client = RedisClient.create(redisUrl);
        connection = client.connect();
        return connection.sync();
    }

    @AfterEach
    void close() throws Exception {
        if (connection != null) connection.close();
        if (client != null) client.shutdown();
        if (rig != null) rig.close();
        if (privateRedis != null) privateRedis.stop();
    }

    private String conversationKey(String contact) {
        return namespace + ":{" + LOC + ":" + contact + "}:conversation";
    }

    private String profileKey(String contact) {
        return namespace + ":{" + LOC + ":" + contact + "}:profile";
    }

    private void process(String body) {
        rig.worker.messages().process(body, clock.millis());
    }

    @Test
    void aFormLeadsFirstTextReadsWhatItsContactCreateWrote() throws Exception {
        RedisCommands<String, String> redis = rig(TestRedis.standaloneUrl(), Map.of());
        String created = GhlWebhooks.contactCreate(LOC, "ana", "Ana", "Ruiz", "+15125550161", "ana@example.com",
                List.of("buyer-form"), clock.instant());
        process(created);

        JsonNode conversation = JSON.readTree(redis.get(conversationKey("ana")));
        assertThat(conversation.path("version").asLong()).isZero();
        assertThat(conversation.path("botType").asText()).isEqualTo("BUYER"); // the side the first turn would start on
        assertThat(JSON.readTree(redis.get(profileKey("ana"))).path("firstName").asText()).isEqualTo("Ana");
        long ttl = Duration.ofMinutes(120).toMillis();
        assertThat(redis.pttl(conversationKey("ana"))).isBetween(ttl - 60_000, ttl);
        assertThat(redis.pttl(profileKey("ana"))).isBetween(ttl - 60_000, ttl);
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_NEW_LEAD_WRITES, "written")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        process(GhlWebhooks.inboundSms(LOC, "ana", "Hi, I saw the listing on your site", clock.instant()));
        // the first turn's reads hit: without the write-through the conversation and the profile both miss
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_MISSES)).isZero();
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_HITS)).isEqualTo(2);
        assertThat(rig.ghl.smsTo("ana")).hasSize(1).first().asString().startsWith("Hi Ana");
        assertThat(JSON.readTree(redis.get(conversationKey("ana"))).path("version").asLong()).isEqualTo(1);
        assertThat(redis.pttl(conversationKey("ana"))).isGreaterThan(Duration.ofDays(6).toMillis()); // the worker's own TTL now

        // GHL delivers the ContactCreate again: claimed, nothing written over the turn's state
        process(created);
        assertThat(JSON.readTree(redis.get(conversationKey("ana"))).path("version").asLong()).isEqualTo(1);
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_NEW_LEAD_WRITES, "written")).isEqualTo(1);
    }

    @Test
    void aLeadWhoTextedFirstIsNotWrittenOverByItsLateContactCreate() throws Exception {
        RedisCommands<String, String> redis = rig(TestRedis.standaloneUrl(), Map.of());
        process(GhlWebhooks.inboundSms(LOC, "cold", "Is the house on Elm still for sale?", clock.instant()));
        assertThat(JSON.readTree(redis.get(conversationKey("cold"))).path("version").asLong()).isEqualTo(1);

        process(GhlWebhooks.contactCreate(LOC, "cold", "Bo", "Lee", "+15125550162", "bo@example.com", clock.instant()));
        // a contact change with a conversation: dropped as every contact change is, never replaced by a fresh state
        assertThat(redis.get(conversationKey("cold"))).isNull();
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_NEW_LEAD_WRITES, "written")).isZero();
        process(GhlWebhooks.inboundSms(LOC, "cold", "hello?", clock.instant()));
        assertThat(rig.text("SELECT version FROM conversations WHERE contact_id = 'cold'")).isEqualTo("2");
    }

    @Test
    void anErasedLeadAndAContactCreatedDndAreNotWritten() throws Exception {
        RedisCommands<String, String> redis = rig(TestRedis.standaloneUrl(), Map.of());
        redis.set(namespace + ":{" + LOC + ":gone}:erased", "1");
        process(GhlWebhooks.contactCreate(LOC, "gone", "Cy", "Park", "+15125550163", "cy@example.com", clock.instant()));
        assertThat(redis.exists(conversationKey("gone"), profileKey("gone"))).isZero();
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_NEW_LEAD_WRITES, "erased")).isEqualTo(1);

        String dnd = GhlWebhooks.contactCreate(LOC, "quiet", "Di", "Wu", "+15125550164", "di@example.com", clock.instant())
                .replace("\"dnd\":false", "\"dnd\":true");
        process(dnd);
        // opted out at creation: the opted-out state is cached as before, no fresh state for a lead we never text
        assertThat(JSON.readTree(redis.get(conversationKey("quiet"))).path("optedOut").asBoolean()).isTrue();
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_NEW_LEAD_WRITES, "written")).isZero();
    }

    @Test
    void aNodeWithoutRoomUnderTheLimitGetsNothingAndEvictsNothing() throws Exception {
        int port = TestRedis.freePort();
        privateRedis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                .setting("appendonly no").setting("maxmemory 64mb").setting("maxmemory-policy allkeys-lru").build();
        privateRedis.start();
        String url = "redis://127.0.0.1:" + port;
        // an idle server uses about 1 MB: over 1 % of 64 MB, well under 90 %
        RedisCommands<String, String> redis = rig(url, Map.of("NEW_LEAD_WARM_MAX_MEMORY_PERCENT", "1"));
        long evictedBefore = evicted(redis);
        process(GhlWebhooks.contactCreate(LOC, "full", "Ed", "Fox", "+15125550165", "ed@example.com", clock.instant()));
        assertThat(redis.exists(conversationKey("full"), profileKey("full"))).isZero();
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_NEW_LEAD_WRITES, "no_room")).isEqualTo(1);
        assertThat(evicted(redis)).isEqualTo(evictedBefore);
        close();
        connection = null;
        client = null;

        privateRedis = RedisServer.newRedisServer().bind("127.0.0.1").port(port = TestRedis.freePort()).setting("save \"\"")
                .setting("appendonly no").setting("maxmemory 64mb").build();
        privateRedis.start();
        redis = rig("redis://127.0.0.1:" + port, Map.of());
        process(GhlWebhooks.contactCreate(LOC, "room", "Flo", "Gee", "+15125550166", "flo@example.com", clock.instant()));
        assertThat(redis.exists(conversationKey("room"), profileKey("room"))).isEqualTo(2);
    }

    @Test
    void switchedOffAContactCreateEvictsAsBefore() throws Exception {
        RedisCommands<String, String> redis = rig(TestRedis.standaloneUrl(), Map.of("NEW_LEAD_WARM_TTL_MINUTES", "0"));
        process(GhlWebhooks.contactCreate(LOC, "off", "Gus", "Hall", "+15125550167", "gus@example.com", clock.instant()));
        assertThat(redis.exists(conversationKey("off"), profileKey("off"))).isZero();
        process(GhlWebhooks.inboundSms(LOC, "off", "Hi there", clock.instant()));
        assertThat(rig.metrics.counter(PlatformMetrics.CACHE_MISSES)).isEqualTo(2);
    }

    private static long evicted(RedisCommands<String, String> redis) {
        String stats = redis.info("stats");
        return Long.parseLong(stats.replaceAll("(?s).*evicted_keys:(\\d+).*", "$1"));
    }
}
