package com.jorge.platform.biapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    static TestPostgres.Schema schema;
    static Database database;
    static LocalCognito cognito;
    static LocalCognito.User lead, otherLead, agent;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        schema = TestPostgres.migratedSchema("bilimits");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 2)).migrate();
        cognito = new LocalCognito(Clock.systemUTC());
        lead = cognito.addUser("lead@team.example", "pw", "team_lead");
        otherLead = cognito.addUser("other@team.example", "pw", "team_lead");
        agent = cognito.addUser("agent@team.example", "pw", "agent");
        try (Connection c = database.dataSource().getConnection()) {
            exec(c, "INSERT INTO locations (location_id, time_zone) VALUES ('loc-a', 'UTC'), ('loc-b', 'UTC')");
            exec(c, "INSERT INTO inbox_members (user_sub, location_id, ghl_user_id) VALUES (?, 'loc-a', 'u-lead'), (?, 'loc-b', 'u-other'),"
                    + " (?, 'loc-a', 'u-agent')", lead.subject(), otherLead.subject(), agent.subject());
            c.commit();
        }
        env = new HashMap<>(Map.of("DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password() == null ? "" : schema.password(), "BI_API_ISSUER", cognito.issuer(),
                "BI_API_JWKS_URL", cognito.jwksUrl().toString(), "BI_API_CLIENT_ID", LocalCognito.CLIENT_ID, "BI_DEFAULT_ZONE", "UTC",
                "REDIS_URL", TestRedis.standaloneUrl()));
    }

    @AfterAll
    static void stop() {
        cognito.close();
        database.close();
        schema.close();
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

    private static void exec(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }
}
