package com.jorge.platform.biapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bi-api's answers cached in the real Redis (key class BI, the location's hash tag, a TTL), on a real
 * PostgreSQL: the second read of a location's report comes from Redis (a rollup written meanwhile shows only
 * once the entry is gone), only the location's readers get it, every read lands in the access stream as a
 * BI record for the warmer, and a Redis that does not answer costs the cache, not the answer.
 */
class BiCacheTest {

    static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-06-15T14:00:00Z"), ZoneOffset.UTC);
    static BiApiRig rig;
    static LocalCognito cognito;
    static LocalCognito.User lead, otherLead;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        rig = new BiApiRig("bicache", "loc-a", "loc-b");
        cognito = rig.cognito;
        lead = rig.user("lead@cache.example", "team_lead");
        otherLead = rig.user("other@cache.example", "team_lead");
        rig.member(lead, "loc-a", "u-lead");
        rig.member(otherLead, "loc-b", "u-other");
        funnel("2026-06-10", 4);
        env = rig.settings();
        env.putAll(Map.of("REDIS_URL", TestRedis.standaloneUrl(), "ACCESS_CAPTURE_SAMPLE_EVERY", "16"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void theSecondReadComesFromRedisUntilTheEntryGoesAndEveryReadIsCaptured() throws Exception {
        String ns = TestRedis.namespace("bi-cache");
        BiApiHandler handler = handler(ns, Map.of("BI_CACHE_TTL_SECONDS", "600"));
        String token = "Bearer " + cognito.token(lead);
        APIGatewayV2HTTPResponse first = get(handler, "loc-a", token);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(newLeads(first)).isEqualTo(4);

        String key = new CacheKeys(ns).biReport("loc-a", com.jorge.platform.cache.BiCache.VIEW_JSON, LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-15"));
        assertThat(key).contains("{bi:loc-a}");
        try (RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofSeconds(2))) {
            assertThat(redis.commands().get(key)).isEqualTo(first.getBody());
            assertThat(redis.commands().pttl(key)).isBetween(590_000L, 600_000L);

            funnel("2026-06-11", 3); // the aggregator's next rollup
            APIGatewayV2HTTPResponse cached = get(handler, "loc-a", token);
            assertThat(cached.getBody()).isEqualTo(first.getBody()); // from Redis: the new rollup is not in it
            // another location's lead is refused before the cache is looked at
            assertThat(get(handler, "loc-a", "Bearer " + cognito.token(otherLead)).getStatusCode()).isEqualTo(403);

            redis.commands().del(key); // the TTL ran out
            assertThat(newLeads(get(handler, "loc-a", token))).isEqualTo(7);

            // every get of a BI key (three answered) is in the stream, whatever the worker's sampling
            AccessStream stream = new AccessStream(redis, new CacheKeys(ns));
            long captured = 0;
            for (long until = System.nanoTime() + 5_000_000_000L; captured < 3 && System.nanoTime() < until; Thread.sleep(50)) {
                captured = stream.since(0).stream().filter(a -> a.keyClass() == AccessCapture.KeyClass.BI && a.locationId().equals("loc-a")).count();
            }
            assertThat(captured).isEqualTo(3);
        }
    }

    @Test
    void aRedisThatDoesNotAnswerCostsTheCacheNotTheAnswer() throws Exception {
        Map<String, String> config = new HashMap<>(env);
        config.remove("REDIS_URL");
        try (RedisConnector nobody = new RedisConnector("redis://127.0.0.1:1", false, Duration.ofMillis(200))) {
            BiApiHandler handler = new BiApiHandler(BiApiFunction.build(PlatformConfig.of(config), ReportLinks.NONE, null,
                    new com.jorge.platform.cache.BiCache(nobody, new CacheKeys("bi-cache-down"), Duration.ofMinutes(15), null), CLOCK));
            APIGatewayV2HTTPResponse answer = get(handler, "loc-b", "Bearer " + cognito.token(otherLead));
            assertThat(answer.getStatusCode()).isEqualTo(200);
            assertThat(newLeads(answer)).isZero();
        }
    }

    private static int newLeads(APIGatewayV2HTTPResponse response) throws Exception {
        return PlatformJson.mapper().readTree(response.getBody()).path("funnel").path("newLeads").asInt(-1);
    }

    private static BiApiHandler handler(String namespace, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(env);
        config.put("REDIS_NAMESPACE", namespace);
        config.putAll(extra);
        return new BiApiHandler(BiApiFunction.fromConfig(PlatformConfig.of(config), ReportLinks.NONE, CLOCK));
    }

    private static APIGatewayV2HTTPResponse get(BiApiHandler handler, String locationId, String authorization) {
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/bi/report.json")
                .withQueryStringParameters(Map.of("locationId", locationId)).withHeaders(Map.of("Authorization", authorization))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/bi/report.json")
                                .withSourceIp("198.51.100.7").build()).build())
                .build(), null);
    }

    private static void funnel(String day, int newLeads) throws Exception {
        rig.execute("INSERT INTO bi_daily_funnel (location_id, day, bot_type, channel, new_leads, leads_answered, qualified, hot, handed_off,"
                + " appointments_booked, opted_out) VALUES ('loc-a', ?::date, 'seller', 'sms', ?, 0, 0, 0, 0, 0, 0)", day, newLeads);
    }
}
