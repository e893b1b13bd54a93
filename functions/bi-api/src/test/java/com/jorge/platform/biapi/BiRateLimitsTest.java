package com.jorge.platform.biapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bi-api's rate limits, token buckets in a real Redis shared by every container: per client address
 * (API Gateway's {@code sourceIp}) before any work, per location once the caller is one of its readers; over
 * either, 429 with {@code Retry-After} and a JSON body.
 */
class BiRateLimitsTest {

    static BiApiRig rig;
    static LocalCognito cognito;
    static LocalCognito.User lead, otherLead, agent;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        rig = new BiApiRig("bilimits", "loc-a", "loc-b");
        cognito = rig.cognito;
        lead = rig.user("lead@team.example", "team_lead");
        otherLead = rig.user("other@team.example", "team_lead");
        agent = rig.user("agent@team.example", "agent");
        rig.member(lead, "loc-a", "u-lead");
        rig.member(otherLead, "loc-b", "u-other");
        rig.member(agent, "loc-a", "u-agent");
        env = rig.settings();
        env.put("REDIS_URL", TestRedis.standaloneUrl());
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndAnotherClientIsServed() {
        BiApiHandler handler = handler("bi-limits-client", 3, 1_000);
        String token = "Bearer " + cognito.token(lead);
        for (int i = 0; i < 3; i++) assertThat(get(handler, "loc-a", token, "198.51.100.1").getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse limited = get(handler, "loc-a", token, "198.51.100.1");
        assertLimited(limited);
        // even an anonymous request from that address is refused before any work: the bucket comes first
        assertLimited(get(handler, "loc-a", null, "198.51.100.1"));
        assertThat(get(handler, "loc-a", token, "198.51.100.2").getStatusCode()).isEqualTo(200);
    }

    @Test
    void aLocationOverItsLimitGets429OnlyItsReadersDrainItAndOtherLocationsAreServed() {
        BiApiHandler handler = handler("bi-limits-location", 1_000, 4);
        String leadToken = "Bearer " + cognito.token(lead);
        // an agent of loc-a and a team lead of loc-b are refused (403) and take nothing from loc-a's bucket
        for (int i = 0; i < 10; i++) {
            assertThat(get(handler, "loc-a", "Bearer " + cognito.token(agent), "203.0.113.9").getStatusCode()).isEqualTo(403);
            assertThat(get(handler, "loc-a", "Bearer " + cognito.token(otherLead), "203.0.113.9").getStatusCode()).isEqualTo(403);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(get(handler, "loc-a", leadToken, "192.0.2." + i).getStatusCode()).as("request " + i).isEqualTo(200);
        }
        assertLimited(get(handler, "loc-a", leadToken, "192.0.2.77"));
        assertThat(get(handler, "loc-b", "Bearer " + cognito.token(otherLead), "192.0.2.78").getStatusCode()).isEqualTo(200);
    }

    private static void assertLimited(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.getHeaders().get("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        try {
            assertThat(PlatformJson.mapper().readTree(response.getBody()).path("error").asText()).startsWith("too many requests");
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private static BiApiHandler handler(String purpose, int perClient, int perLocation) {
        Map<String, String> config = new HashMap<>(env);
        config.put("REDIS_NAMESPACE", TestRedis.namespace(purpose));
        config.put("BI_LIMIT_PER_CLIENT_PER_MINUTE", String.valueOf(perClient));
        config.put("BI_LIMIT_PER_LOCATION_PER_MINUTE", String.valueOf(perLocation));
        return new BiApiHandler(BiApiFunction.fromConfig(PlatformConfig.of(config), ReportLinks.NONE, Clock.systemUTC()));
    }

    private static APIGatewayV2HTTPResponse get(BiApiHandler handler, String locationId, String authorization, String sourceIp) {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) headers.put("Authorization", authorization);
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRawPath("/bi/report.json")
                .withQueryStringParameters(Map.of("locationId", locationId)).withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/bi/report.json")
                                .withSourceIp(sourceIp).build()).build())
                .build(), null);
    }
}
