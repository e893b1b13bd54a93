package com.jorge.platform.install;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghl.api.LocationNotInstalledException;
import com.jorge.platform.ghl.oauth.GhlAuthorization;
import com.jorge.platform.ghl.oauth.LocalDataKeys;
import com.jorge.platform.ghl.api.GhlTokens;
import com.jorge.platform.ghlfake.FakeGhlOAuth;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.intake.IntakeFunction;
import com.jorge.platform.intake.ReplayGuard;
import com.jorge.platform.intake.WebhookIntake;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The install flow through its Lambda handler, against real PostgreSQL and the fake GHL's token endpoints. */
class MarketplaceInstallHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestPostgres.Schema schema;
    private static Database database;

    private final WebhookSigner ghlSigner = WebhookSigner.generate();
    private FakeGhlServer ghl;
    private PlatformConfig config;
    private RecordedMetrics metrics;
    private MarketplaceInstallHandler handler;
    private WebhookIntakeHandler leadEvents;
    /** What the intake behind the app's webhook URL handed to the lead-events queue. */
    private final List<QueuedLeadEvent> queued = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void migrate() {
        schema = TestPostgres.migratedSchema("install");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 4)).migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
        schema.close();
    }

    @BeforeEach
    void start() {
        ghl = FakeGhlServer.start(0);
        config = PlatformConfig.of(Map.of(
                "GHL_API_BASE_URL", ghl.baseUrl().toString(),
                "GHL_OAUTH_CLIENT_ID", FakeGhlOAuth.CLIENT_ID,
                "GHL_OAUTH_CLIENT_SECRET", FakeGhlOAuth.CLIENT_SECRET,
                "GHL_TOKEN_LOCAL_KEY", LocalDataKeys.newKeyBase64(),
                "GHL_WEBHOOK_ED25519_PUBLIC_KEY", ghlSigner.ed25519PublicKeyPem()));
        metrics = new RecordedMetrics();
        queued.clear();
        WebhookIntake intake = new WebhookIntake(IntakeFunction.signatureVerifier(config), new GhlEventParser(PlatformJson.mapper()),
                new ReplayGuard(null, null, Clock.systemUTC(), IntakeFunction.MAX_DELIVERY_AGE, IntakeFunction.MAX_CLOCK_AHEAD),
                queued::add, metrics, Clock.systemUTC());
        leadEvents = new WebhookIntakeHandler(intake, metrics);
        handler = new MarketplaceInstallHandler(MarketplaceInstallFunction.fromConfig(config, database.dataSource(), metrics),
                leadEvents, metrics);
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    @Test
    void aSubAccountInstallStoresItsTokensAndTheWorkerCanUseThem() throws Exception {
        String loc = id("loc");
        APIGatewayV2HTTPResponse r = callback(ghl.oauth().authorizationCode(loc));

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.getBody()).path("status").asText()).isEqualTo("installed");
        assertThat(status(loc)).isEqualTo("active");
        GhlTokens tokens = GhlAuthorization.fromConfig(config, database.dataSource(), metrics);
        assertThat(ghl.oauth().locationOf(tokens.accessToken(loc))).isEqualTo(loc);
    }

    @Test
    void aSpentOrMissingCodeIsRefusedWithTheField() throws Exception {
        String code = ghl.oauth().authorizationCode(id("loc"));
        assertThat(callback(code).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse again = callback(code);
        assertThat(again.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.getBody()).path("error").asText()).isEqualTo("invalid_grant");
        APIGatewayV2HTTPResponse none = callback(null);
        assertThat(none.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.getBody()).path("field").asText()).isEqualTo("code");
    }

    @Test
    void anAgencyInstallMintsATokenForEachApprovedLocation() throws Exception {
        String company = id("co");
        String a = id("loc");
        String b = id("loc");
        APIGatewayV2HTTPResponse r = callback(ghl.oauth().agencyAuthorizationCode(company, List.of(a, b)));

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.getBody()).path("locations").asInt()).isEqualTo(2);
        assertThat(ghl.oauth().locationTokensMinted()).isEqualTo(2);
        GhlTokens tokens = GhlAuthorization.fromConfig(config, database.dataSource(), metrics);
        assertThat(ghl.oauth().locationOf(tokens.accessToken(a))).isEqualTo(a);
        assertThat(ghl.oauth().locationOf(tokens.accessToken(b))).isEqualTo(b);

        // the agency uninstalls: every location's tokens go with it
        assertThat(appEvent("{\"type\":\"UNINSTALL\",\"appId\":\"app1\",\"companyId\":\"" + company + "\"}", true).getStatusCode())
                .isEqualTo(200);
        assertThat(status(a)).isEqualTo("uninstalled");
        assertThat(status(b)).isEqualTo("uninstalled");
    }

    @Test
    void aSignedUninstallDeletesTheTokensAtOnceAndIsAudited() throws Exception {
        String loc = id("loc");
        callback(ghl.oauth().authorizationCode(loc));
        String body = "{\"type\":\"UNINSTALL\",\"appId\":\"app1\",\"locationId\":\"" + loc + "\"}";

        APIGatewayV2HTTPResponse r = appEvent(body, true);

        assertThat(r.getStatusCode()).isEqualTo(200);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT status, access_token IS NULL AND refresh_token IS NULL AND data_key IS NULL,
                            (SELECT count(*) FROM audit_log WHERE location_id = ? AND action = 'app_uninstalled')
                     FROM ghl_installations WHERE resource_id = ?""")) {
            ps.setString(1, loc);
            ps.setString(2, loc);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("uninstalled");
                assertThat(rs.getBoolean(2)).as("tokens deleted").isTrue();
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
        }
        GhlTokens tokens = GhlAuthorization.fromConfig(config, database.dataSource(), metrics);
        assertThatThrownBy(() -> tokens.accessToken(loc)).isInstanceOf(LocationNotInstalledException.class);
        assertThat(appEvent(body, true).getStatusCode()).as("GHL may deliver it twice").isEqualTo(200);
    }

    @Test
    void anUnsignedOrRsaOnlyAppEventIs401AndChangesNothing() throws Exception {
        String loc = id("loc");
        callback(ghl.oauth().authorizationCode(loc));
        String body = "{\"type\":\"UNINSTALL\",\"appId\":\"app1\",\"locationId\":\"" + loc + "\"}";

        APIGatewayV2HTTPResponse unsigned = appEvent(body, false);
        assertThat(unsigned.getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPResponse rsaOnly = post(body, Map.of("X-WH-Signature", ghlSigner.rsaSignature(body)));
        assertThat(rsaOnly.getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPResponse forged = post(body, Map.of("X-GHL-Signature", WebhookSigner.generate().ed25519Signature(body)));
        assertThat(JSON.readTree(forged.getBody()).path("error").asText()).isEqualTo("signature_invalid");
        assertThat(status(loc)).isEqualTo("active");
    }

    @Test
    void aMalformedAppEventNamesTheField() throws Exception {
        APIGatewayV2HTTPResponse r = appEvent("{\"type\":\"UNINSTALL\",\"locationId\":\"../etc\"}", true);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.getBody()).path("field").asText()).isEqualTo("locationId");
        APIGatewayV2HTTPResponse none = appEvent("{\"type\":\"UNINSTALL\"}", true);
        assertThat(none.getStatusCode()).isEqualTo(400);
    }

    @Test
    void aLeadEventAtTheAppsOneWebhookUrlIsAcceptedAsTheIntakeAcceptsIt() throws Exception {
        // GHL sends an app's lead events to the same URL as its INSTALL / UNINSTALL (oauth/Faqs.md: one webhook url)
        String loc = id("loc");
        String body = GhlWebhooks.inboundSms(loc, "contact1", "Hi, I want to sell", Instant.now());

        APIGatewayV2HTTPResponse accepted = appEvent(body, true);
        assertThat(accepted.getStatusCode()).isEqualTo(200);
        assertThat(accepted.getBody()).contains("\"status\":\"accepted\"");
        assertThat(queued).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("InboundMessage");
            assertThat(e.groupId()).isEqualTo(QueuedLeadEvent.groupFor(loc, "contact1"));
        });

        assertThat(appEvent(GhlWebhooks.inboundSms(loc, "contact1", "forged", Instant.now()), false).getStatusCode()).isEqualTo(401);
        assertThat(appEvent("{\"type\":\"InboundMessage\",\"locationId\":\"" + loc + "\"}", true).getStatusCode())
                .as("the intake's own validation").isEqualTo(400);
        assertThat(queued).hasSize(1);
    }

    @Test
    void whenAuroraIsDownAnAuthenticEventIs429WithRetryAfterNever5xx() throws Exception {
        Database down = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 1));
        MarketplaceInstallHandler broken = new MarketplaceInstallHandler(
                MarketplaceInstallFunction.fromConfig(config, down.dataSource(), metrics), null, metrics);
        down.close();
        String body = "{\"type\":\"UNINSTALL\",\"appId\":\"app1\",\"locationId\":\"" + id("loc") + "\"}";

        APIGatewayV2HTTPResponse r = broken.handleRequest(event("POST", MarketplaceInstallHandler.APP_EVENTS_PATH, body,
                Map.of("X-GHL-Signature", ghlSigner.ed25519Signature(body)), Map.of()), null);

        assertThat(r.getStatusCode()).isEqualTo(429);
        assertThat(r.getHeaders()).containsEntry("Retry-After", "60");
    }

    @Test
    void oneBrowserAddressOverItsCallbackLimitWaitsAndSpendsNoCode() throws Exception {
        var limits = com.jorge.platform.limits.RequestLimits.fromConfig(PlatformConfig.of(Map.of(
                        "REDIS_URL", com.jorge.platform.testkit.TestRedis.standaloneUrl(),
                        "REDIS_NAMESPACE", com.jorge.platform.testkit.TestRedis.namespace("oauth-callback"))), "oauth-callback",
                new com.jorge.platform.limits.RequestLimits.Limit(2), new com.jorge.platform.limits.RequestLimits.Limit(Integer.MAX_VALUE));
        MarketplaceInstallHandler limited = new MarketplaceInstallHandler(
                MarketplaceInstallFunction.fromConfig(config, database.dataSource(), metrics), null, limits, metrics);
        String loc = id("loc");
        String code = ghl.oauth().authorizationCode(loc);

        assertThat(limited.handleRequest(callbackFrom("203.0.113.5", "guessed-1"), null).getStatusCode()).isEqualTo(400);
        assertThat(limited.handleRequest(callbackFrom("203.0.113.5", "guessed-2"), null).getStatusCode()).isEqualTo(400);
        APIGatewayV2HTTPResponse third = limited.handleRequest(callbackFrom("203.0.113.5", code), null);
        assertThat(third.getStatusCode()).isEqualTo(429);
        assertThat(Long.parseLong(third.getHeaders().get("Retry-After"))).isPositive();
        assertThat(JSON.readTree(third.getBody()).path("error").asText()).isEqualTo("rate_limited");
        assertThat(status(loc)).as("the code was not spent").isNull();

        // the admin's own browser elsewhere still installs with the same code
        assertThat(limited.handleRequest(callbackFrom("198.51.100.20", code), null).getStatusCode()).isEqualTo(200);
        assertThat(status(loc)).isEqualTo("active");
    }

    @Test
    void theAppsWebhookUrlLimitsEachAddressBeforeTheSignatureAndEachLocationsAppEventsInRedis() throws Exception {
        RequestLimits limits = MarketplaceInstallFunction.appEventLimits(PlatformConfig.of(Map.of(
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("app-webhook"),
                "APP_WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE", "3", "APP_WEBHOOK_LIMIT_PER_LOCATION_PER_MINUTE", "1")));
        MarketplaceInstallHandler limited = new MarketplaceInstallHandler(
                MarketplaceInstallFunction.fromConfig(config, database.dataSource(), metrics, limits), leadEvents, null, limits, metrics);
        String loc = id("loc");
        callback(ghl.oauth().authorizationCode(loc));
        String uninstall = "{\"type\":\"UNINSTALL\",\"appId\":\"app1\",\"locationId\":\"" + loc + "\"}";
        String flooder = "203.0.113.9";

        assertThat(limited.handleRequest(appEventFrom(flooder, uninstall, false), null).getStatusCode()).isEqualTo(401);
        assertThat(limited.handleRequest(appEventFrom(flooder, uninstall, true), null).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse again = limited.handleRequest(appEventFrom(flooder, uninstall, true), null);
        assertThat(again.getStatusCode()).as("the location's second app event this minute").isEqualTo(429);
        assertThat(Long.parseLong(again.getHeaders().get("Retry-After"))).isGreaterThanOrEqualTo(60);
        assertThat(JSON.readTree(again.getBody()).path("error").asText()).isEqualTo("rate_limited");

        // the address's fourth request this minute waits, whatever it is: a lead event is not even read
        String lead = GhlWebhooks.inboundSms(id("loc"), "contact9", "Hi, I want to sell", Instant.now());
        APIGatewayV2HTTPResponse flooded = limited.handleRequest(appEventFrom(flooder, lead, true), null);
        assertThat(flooded.getStatusCode()).isEqualTo(429);
        assertThat(Long.parseLong(flooded.getHeaders().get("Retry-After"))).isGreaterThanOrEqualTo(60);
        assertThat(JSON.readTree(flooded.getBody()).path("error").asText()).isEqualTo("rate_limited");
        assertThat(queued).isEmpty();

        // GHL's other address, and another location, go on
        String other = "198.51.100.7";
        assertThat(limited.handleRequest(appEventFrom(other, lead, true), null).getStatusCode()).isEqualTo(200);
        assertThat(queued).hasSize(1);
        String otherInstall = "{\"type\":\"INSTALL\",\"appId\":\"app1\",\"locationId\":\"" + id("loc") + "\"}";
        assertThat(limited.handleRequest(appEventFrom(other, otherInstall, true), null).getStatusCode()).isEqualTo(200);
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_THROTTLED, "app_client_rate_limited")).isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_THROTTLED, "app_rate_limited")).isEqualTo(1);
    }

    private APIGatewayV2HTTPEvent appEventFrom(String address, String body, boolean signed) {
        APIGatewayV2HTTPEvent e = event("POST", MarketplaceInstallHandler.APP_EVENTS_PATH, body,
                signed ? Map.of("X-GHL-Signature", ghlSigner.ed25519Signature(body)) : Map.of(), Map.of());
        e.getRequestContext().getHttp().setSourceIp(address);
        return e;
    }

    private static APIGatewayV2HTTPEvent callbackFrom(String address, String code) {
        APIGatewayV2HTTPEvent e = event("GET", MarketplaceInstallHandler.CALLBACK_PATH, null, Map.of(), Map.of("code", code));
        e.getRequestContext().getHttp().setSourceIp(address);
        return e;
    }

    private APIGatewayV2HTTPResponse callback(String code) {
        return handler.handleRequest(event("GET", MarketplaceInstallHandler.CALLBACK_PATH, null, Map.of(),
                code == null ? Map.of() : Map.of("code", code)), null);
    }

    private APIGatewayV2HTTPResponse appEvent(String body, boolean signed) {
        return post(body, signed ? Map.of("X-GHL-Signature", ghlSigner.ed25519Signature(body)) : Map.of());
    }

    private APIGatewayV2HTTPResponse post(String body, Map<String, String> headers) {
        return handler.handleRequest(event("POST", MarketplaceInstallHandler.APP_EVENTS_PATH, body, headers, Map.of()), null);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body, Map<String, String> headers, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(headers)
                .withQueryStringParameters(query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .build())
                .build();
    }

    private static String status(String resourceId) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM ghl_installations WHERE resource_id = ?")) {
            ps.setString(1, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
