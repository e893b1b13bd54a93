package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.biapi.BiApiFunction;
import com.jorge.platform.biapi.BiApiHandler;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.intake.IntakeFunction;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.install.MarketplaceInstallFunction;
import com.jorge.platform.install.MarketplaceInstallHandler;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.TestRedis;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile requests at every inbox route (the admins' GDPR export and erasure included), at the
 * bi-api's routes and at the webhook intake: huge strings, deep
 * nesting, wrong types, Unicode tricks (RTL override, zero-width, NUL, lone surrogates), SQL and template
 * metacharacters, forged signatures, expired, wrong-audience and unsigned tokens; and at the Marketplace
 * app's OAuth callback and webhook URL (hostile codes and paths, forged INSTALL events, its per-address limit on). Never a 5xx, never a
 * stack trace in a body, never a half-written record, never a text to a lead. The default run is short
 * ({@code jqwik.tries.default} in junit-platform.properties); {@code -Djqwik.tries.default=5000} runs a big one.
 * Prints how many cases ran.
 */
class HostileInputFuzzTest {

    private static InboxRig rig;
    private static Map<String, String> tokens;
    private static final AtomicLong CASES = new AtomicLong();
    private static final AtomicLong NOTICES_REFUSED = new AtomicLong();
    private static final List<QueuedLeadEvent> QUEUED = new CopyOnWriteArrayList<>();
    private static WebhookIntakeHandler intake;
    private static MarketplaceInstallHandler marketplace;
    private static BiApiHandler bi;
    private static long installationsAtStart;
    /** Signs well-formed signatures with a key the intake does not trust. */
    private static final WebhookSigner FORGER = WebhookSigner.generate();
    private static String offerId;

    private static final List<String> TRICKS = List.of("\u202Egnp.exe", "a\u200Bb\u200D", "nul\u0000byte", "lone\uD800",
            "\uDC00tail", "' OR 1=1 --", "\"; DROP TABLE handoff_offers; --", "${jndi:ldap://x/a}", "{{7*7}}", "#{7*7}",
            "<script>alert(1)</script>", "%s%n%x", "../../etc/passwd", "\r\nSet-Cookie: x=1", "😀".repeat(50), "",
            " ", "null", "[]", "{}", "1e309", "-0", "00000000-0000-0000-0000-000000000000");

    @BeforeContainer
    static void start() {
        rig = new InboxRig("inbox-fuzz");
        LocalCognito.User agent = rig.person("agent", "agent-7", "loc-a");
        tokens = new HashMap<>();
        tokens.put("agent", rig.cognito.token(agent));
        tokens.put("lead", rig.cognito.token(rig.person("team_lead", "lead-1", "loc-a")));
        tokens.put("admin", rig.cognito.token(rig.person("admin", "admin-1", "loc-a")));
        tokens.put("expired", rig.cognito.token(agent, LocalCognito.Flaw.EXPIRED));
        tokens.put("wrong audience", rig.cognito.token(agent, LocalCognito.Flaw.WRONG_CLIENT));
        tokens.put("alg none", rig.cognito.token(agent, LocalCognito.Flaw.UNSIGNED));
        tokens.put("garbage", "eyJhbGciOiJub25lIn0.e30.");
        var lead = rig.lead("loc-a", "c-fuzz");
        offerId = rig.offer(lead, "agent-7")[0];
        intake = new WebhookIntakeHandler(IntakeFunction.fromConfig(PlatformConfig.of(Map.of(
                "GHL_WEBHOOK_ED25519_PUBLIC_KEY", WebhookSigner.generate().ed25519PublicKeyPem(),
                "GHL_WEBHOOK_RSA_PUBLIC_KEY", WebhookSigner.generate().rsaPublicKeyPem(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("inbox-fuzz"))),
                QUEUED::add, rig.metrics), rig.metrics);
        PlatformConfig app = PlatformConfig.of(Map.of(
                "GHL_API_BASE_URL", rig.ghl.baseUrl().toString(),
                "GHL_OAUTH_CLIENT_ID", com.jorge.platform.ghlfake.FakeGhlOAuth.CLIENT_ID,
                "GHL_OAUTH_CLIENT_SECRET", com.jorge.platform.ghlfake.FakeGhlOAuth.CLIENT_SECRET,
                "GHL_TOKEN_LOCAL_KEY", com.jorge.platform.ghl.oauth.LocalDataKeys.newKeyBase64(),
                "GHL_WEBHOOK_ED25519_PUBLIC_KEY", WebhookSigner.generate().ed25519PublicKeyPem(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("install-fuzz")));
        // the callback's limit per address is on, as deployed: a 429 is one of the safe answers
        marketplace = new MarketplaceInstallHandler(MarketplaceInstallFunction.fromConfig(app, rig.database.dataSource(), rig.metrics),
                intake, RequestLimits.fromConfig(app, "oauth-callback", new RequestLimits.Limit(30), new RequestLimits.Limit(Integer.MAX_VALUE)),
                rig.metrics);
        installationsAtStart = installations();
        // the bi-api on the inbox's schema and pool, its rate limits on (a 429 is one of the safe answers)
        Map<String, String> biSettings = new HashMap<>(Map.of("DATABASE_URL", rig.schema.jdbcUrl(), "DATABASE_USER", rig.schema.user(),
                "DATABASE_PASSWORD", rig.schema.password() == null ? "" : rig.schema.password(), "BI_API_ISSUER", rig.cognito.issuer(),
                "BI_API_JWKS_URL", rig.cognito.jwksUrl().toString(), "BI_API_CLIENT_ID", LocalCognito.CLIENT_ID, "BI_DEFAULT_ZONE", "UTC",
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("bi-fuzz")));
        bi = new BiApiHandler(BiApiFunction.fromConfig(PlatformConfig.of(biSettings), java.time.Clock.systemUTC()));
    }

    @AfterContainer
    static void stop() {
        System.out.println("fuzz cases run: " + CASES.get() + " (notices refused by a throw: " + NOTICES_REFUSED.get() + ")");
        rig.close();
    }

    @Property
    void inboxRoutesNeverFailOnHostileInput(@ForAll("inboxRequests") List<String> request) {
        CASES.incrementAndGet();
        int textsToLeads = textsToLeads();
        APIGatewayV2HTTPResponse response = rig.call(request.get(0), request.get(1), request.get(2), request.get(3),
                "192.0.2." + (CASES.get() % 250));
        assertSafe(response);
        assertThat(textsToLeads()).isEqualTo(textsToLeads);
        assertThat(halfWrittenOffers()).isZero();
        assertThat(erasedButStillHeld()).isZero();
    }

    @Property
    void theWebhookIntakeNeverFailsOnHostileInputAndQueuesNoForgery(@ForAll("webhooks") Map<String, String> webhook) {
        CASES.incrementAndGet();
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/webhooks/ghl");
        Map<String, String> headers = new HashMap<>();
        headers.put("x-ghl-signature", webhook.get("signature"));
        headers.put("x-wh-signature", webhook.get("signature"));
        event.setHeaders(headers);
        boolean base64 = webhook.get("base64").equals("yes");
        event.setBody(base64 ? Base64.getEncoder().encodeToString(webhook.get("body").getBytes(StandardCharsets.UTF_8))
                : webhook.get("body"));
        event.setIsBase64Encoded(base64);
        APIGatewayV2HTTPResponse response = intake.handleRequest(event, null);
        assertThat(response.getStatusCode()).isLessThan(500);
        assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(QUEUED).isEmpty();
    }

    @Property
    void theMarketplaceCallbackAndAppWebhookNeverFailAndInstallNothingForged(@ForAll("appRequests") List<String> request) {
        CASES.incrementAndGet();
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath(request.get(1));
        Map<String, String> query = new HashMap<>();
        if (request.get(2) != null) query.put("code", request.get(2));
        event.setQueryStringParameters(query);
        event.setHeaders(request.get(4) == null ? Map.of() : Map.of("x-ghl-signature", request.get(4)));
        event.setBody(request.get(3));
        event.setIsBase64Encoded(false);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(request.get(0)).withPath(request.get(1))
                        .withSourceIp("198.51.100." + (CASES.get() % 250)).build()).build());
        APIGatewayV2HTTPResponse response = marketplace.handleRequest(event, null);
        assertSafe(response);
        if (response.getStatusCode() == 429) assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(installations()).as("no forged code or event installs anything").isEqualTo(installationsAtStart);
        assertThat(QUEUED).isEmpty();
    }

    /**
     * What λ agent-inbox-offers does with each SNS record (OfferNoticeHandler: an approval request, else an offer):
     * a hostile message is refused or ignored, never half-recorded, never a text to a lead. A refusal may throw
     * (SNS then retries and dead-letters it); the test records how many did.
     */
    @Property
    void offerAndApprovalNoticesNeverHalfWriteOrTextALead(@ForAll("notices") String message) {
        CASES.incrementAndGet();
        int textsToLeads = textsToLeads();
        try {
            if (!rig.function.approvalRequests().handle(message)) rig.function.offerNotices().handle(message);
        } catch (RuntimeException refused) {
            assertThat(refused.getMessage() == null ? "" : refused.getMessage()).doesNotContain("\tat ");
            NOTICES_REFUSED.incrementAndGet();
        }
        assertThat(textsToLeads()).isEqualTo(textsToLeads);
        assertThat(halfWrittenOffers()).isZero();
        long tokenless = rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT (SELECT count(*) FROM handoff_offers WHERE task_token IS NULL OR task_token = ''"
                    + " OR agent_id IS NULL OR location_id IS NULL OR contact_id IS NULL) + (SELECT count(*) FROM approvals"
                    + " WHERE task_token IS NULL OR task_token = '' OR location_id IS NULL OR contact_id IS NULL)"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(tokenless).as("no offer or approval without its token, agent or lead").isZero();
    }

    @Provide
    Arbitrary<String> notices() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of("handoff.offer", "handoff.escalation", "approval.request",
                "handoff.accepted"), hostile());
        Arbitrary<String> value = Arbitraries.oneOf(hostile().map(HostileInputFuzzTest::quote),
                Arbitraries.of("42", "-1", "true", "null", "[]", "{}", "1e309", "9999999999999"));
        Arbitrary<String> shaped = Combinators.combine(type, value, value, value, value, Arbitraries.of("contactId", "locationId",
                "agentId", "taskToken", "expiresInSeconds", "kind", "rules")).as((t, v1, v2, v3, v4, bad) -> {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("contactId", "\"c-fuzz\"", "locationId", "\"loc-a\"",
                    "agentId", "\"agent-7\"", "taskToken", v1, "expiresInSeconds", v2, "kind", v3, "rules", v4));
            fields.put(bad, v1);
            StringBuilder json = new StringBuilder("{\"type\":").append(quote(t));
            fields.forEach((k, v) -> json.append(",\"").append(k).append("\":").append(v));
            return json.append('}').toString();
        });
        return Arbitraries.oneOf(shaped, bodies().map(b -> b == null ? "" : b));
    }

    @Property
    void theBiApiNeverFailsOnHostileInput(@ForAll("biRequests") List<String> request) {
        CASES.incrementAndGet();
        Map<String, String> query = new HashMap<>();
        for (String name : List.of("locationId", "from", "to")) {
            String value = request.get(List.of("locationId", "from", "to").indexOf(name) + 3);
            if (value != null) query.put(name, value);
        }
        Map<String, String> headers = new HashMap<>();
        if (request.get(2) != null) headers.put("authorization", "Bearer " + request.get(2));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath(request.get(1)).withQueryStringParameters(query)
                .withHeaders(headers).withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(request.get(0)).withPath(request.get(1))
                                .withSourceIp("203.0.113." + (CASES.get() % 250)).build()).build()).build();
        APIGatewayV2HTTPResponse response = bi.handleRequest(event, null);
        assertSafe(response);
        if (response.getStatusCode() == 429) assertThat(response.getHeaders()).containsKey("Retry-After");
        if (response.getStatusCode() == 200) {
            assertThat(query.get("locationId")).as("figures only for the caller's own location").isEqualTo("loc-a");
            assertThat(request.get(2)).isIn(tokens.get("lead"), tokens.get("admin"));
        }
    }

    @Provide
    Arbitrary<List<String>> biRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "GET", "POST", "DELETE");
        Arbitrary<String> path = Arbitraries.oneOf(Arbitraries.of("/bi/report", "/bi/report.json", "/bi/report/link"),
                hostile().map(h -> "/bi/report" + h));
        Arbitrary<String> token = Arbitraries.of(new ArrayList<>(tokens.keySet())).map(tokens::get).injectNull(0.1);
        Arbitrary<String> location = Arbitraries.oneOf(Arbitraries.of("loc-a", "loc-b"), hostile()).injectNull(0.1);
        Arbitrary<String> day = Arbitraries.oneOf(Arbitraries.of("2026-12-01", "2026-02-30", "1900-01-01", "+999999999-12-31",
                "2026-12-05T00:00:00Z"), hostile()).injectNull(0.3);
        return Combinators.combine(method, path, token, location, day, day)
                .as((m, p, t, l, f, to) -> java.util.Arrays.asList(m, p, t, l, f, to));
    }

    @Provide
    Arbitrary<List<String>> appRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "HEAD");
        Arbitrary<String> path = Arbitraries.oneOf(Arbitraries.of(MarketplaceInstallHandler.CALLBACK_PATH,
                MarketplaceInstallHandler.APP_EVENTS_PATH, MarketplaceInstallHandler.CALLBACK_PATH + "/../webhooks/ghl/app", ""),
                hostile().map(h -> MarketplaceInstallHandler.CALLBACK_PATH + h));
        Arbitrary<String> code = hostile().injectNull(0.1);
        Arbitrary<String> installLike = hostile().map(t -> "{\"type\":\"INSTALL\",\"appId\":" + quote(t) + ",\"locationId\":"
                + quote(t) + ",\"companyId\":\"co-1\",\"installType\":\"Location\"}");
        Arbitrary<String> body = Arbitraries.oneOf(bodies(), installLike);
        Arbitrary<String> signature = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(600), hostile()).injectNull(0.2);
        Arbitrary<List<String>> unsigned = Combinators.combine(method, path, code, body, signature)
                .as((m, p, c, b, s) -> java.util.Arrays.asList(m, p, c, b, s));
        // some carry a well-formed signature by a key GHL never used
        return Arbitraries.oneOf(unsigned, unsigned.map(r -> {
            List<String> forged = new ArrayList<>(r);
            forged.set(4, FORGER.ed25519Signature(r.get(3) == null ? "" : r.get(3)));
            return forged;
        }));
    }

    @Provide
    Arbitrary<List<String>> inboxRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
        Arbitrary<String> segment = hostile().map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8));
        Arbitrary<String> path = Combinators.combine(Arbitraries.of(
                "/inbox/api/me", "/inbox/api/offers", "/inbox/api/offers/%s/accept", "/inbox/api/offers/%s/decline",
                "/inbox/api/leads/loc-a/%s", "/inbox/api/leads/%s/c-fuzz/take-over", "/inbox/api/leads/loc-a/%s/give-back",
                "/inbox/api/offers/" + offerId + "/%s", "/inbox/api/approvals", "/inbox/api/approvals/%s/approve",
                "/inbox/api/approvals/%s/reject", "/inbox/api/approvals/%s/reassign", "/inbox/%s", "/inbox/",
                "/inbox/api/admin/contacts/loc-a/%s/export", "/inbox/api/admin/contacts/loc-a/%s/export?reason=%s",
                "/inbox/api/admin/contacts/loc-a/%s/erase", "/inbox/api/admin/contacts/%s/c-fuzz/erase",
                "/inbox/api/locations/loc-a/reengagements", "/inbox/api/locations/%s/reengagements",
                "/inbox/config.json"), segment)
                .as((template, s) -> template.contains("%s") ? template.replace("%s", s.isEmpty() ? "x" : s) : template);
        Arbitrary<String> token = Arbitraries.of(new ArrayList<>(tokens.keySet())).map(tokens::get).injectNull(0.1);
        // Arrays.asList: a missing token and an empty body are nulls
        return Combinators.combine(method, path, token, bodies()).as((m, p, t, b) -> java.util.Arrays.asList(m, p, t, b));
    }

    @Provide
    Arbitrary<Map<String, String>> webhooks() {
        Arbitrary<String> signature = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(600),
                Arbitraries.strings().withCharRange('A', 'z').ofLength(88).map(s -> s.replace('\\', '+')));
        return Combinators.combine(bodies().map(b -> b == null ? "" : b), signature, Arbitraries.of("yes", "no"),
                        Arbitraries.of(true, false))
                .as((body, sig, b64, forged) -> Map.of("body", body, "base64", b64,
                        "signature", forged ? FORGER.ed25519Signature(body) : sig));
    }

    /** Hostile JSON bodies: wrong types, deep nesting, huge strings, tricks in every field. */
    private Arbitrary<String> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(hostile().map(HostileInputFuzzTest::quote),
                Arbitraries.of("42", "-1", "true", "null", "[]", "{}", "1e309", "[\"a\",1]", "{\"$ne\":null}"));
        Arbitrary<String> object = Combinators.combine(Arbitraries.of("reason", "ghlUserId", "type", "locationId", "contactId",
                "webhookId", "body", "timestamp", "__proto__"), value).as((k, v) -> "{\"" + k + "\":" + v + "}");
        Arbitrary<String> deep = Arbitraries.integers().between(100, 20_000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> ghlLike = hostile().map(t -> "{\"type\":\"InboundMessage\",\"locationId\":\"loc-a\",\"contactId\":\"c-fuzz\","
                + "\"webhookId\":" + quote(t) + ",\"timestamp\":\"" + Instant.now() + "\",\"body\":" + quote(t) + ",\"messageType\":\"SMS\"}");
        return Arbitraries.oneOf(object, deep, ghlLike, hostile(), Arbitraries.just("not json {")).injectNull(0.05);
    }

    private static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.of(TRICKS), Arbitraries.strings().all().ofMaxLength(64),
                Arbitraries.integers().between(10_000, 300_000).map("x"::repeat),
                Combinators.combine(Arbitraries.of(TRICKS), Arbitraries.strings().alpha().ofMaxLength(8)).as(String::concat));
    }

    /** A JSON string literal of {@code s}, lone surrogates and control characters escaped as JSON allows. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') out.append('\\').append(ch);
            else if (ch < 0x20 || Character.isSurrogate(ch)) out.append(String.format("\\u%04x", (int) ch));
            else out.append(ch);
        }
        return out.append('"').toString();
    }

    private static void assertSafe(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isLessThan(500);
        String body = response.getBody() == null ? "" : response.getBody();
        assertThat(body).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("java.");
    }

    private static int textsToLeads() {
        return (int) rig.ghl.calls().stream().filter(c -> c.path().startsWith("/conversations/messages")
                && !c.body().path("contactId").asText().startsWith("notify-")).count();
    }

    private static long installations() {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM ghl_installations"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A contact with an erasure's tombstone whose conversation or messages are still held: a half-done erasure. */
    private static long erasedButStillHeld() {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("""
                    SELECT count(*) FROM audit_log a WHERE a.action = 'contact_erased' AND (
                        EXISTS (SELECT 1 FROM messages m WHERE m.location_id = a.location_id AND m.contact_id = a.contact_id)
                     OR EXISTS (SELECT 1 FROM conversations v WHERE v.location_id = a.location_id AND v.contact_id = a.contact_id))""");
                 var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** An answered offer without who answered it, or an accepted one without its audit entry. */
    private static long halfWrittenOffers() {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("""
                    SELECT count(*) FROM handoff_offers o WHERE (status IN ('accepted', 'declined') AND (decided_by IS NULL OR decided_at IS NULL))
                       OR (status = 'accepted' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.location_id = o.location_id
                           AND a.contact_id = o.contact_id AND a.action = 'handoff_offer_accepted'))"""); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
