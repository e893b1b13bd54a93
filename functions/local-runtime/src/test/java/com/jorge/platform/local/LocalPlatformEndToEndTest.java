package com.jorge.platform.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the local runtime on real PostgreSQL and Redis and talks to it only over HTTP, as GHL would. */
class LocalPlatformEndToEndTest {

    private static TestPostgres.Schema schema;
    private static LocalPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        schema = TestPostgres.migratedSchema("local");
        platform = LocalPlatform.start(Map.of(
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("local")),
                0, BotSuite.of(new StarterQualificationPolicy()));
    }

    @AfterAll
    static void stop() {
        platform.close();
        schema.close();
    }

    @Test
    void signedWebhooksOverHttpGetTheBotsRepliesToGhl() throws Exception {
        String first = GhlWebhooks.inboundSms("loc-e2e", "c-e2e", "Hi, I want to sell my condo", Instant.now());
        HttpResponse<String> accepted = post(first, platform.signer().rsaSignature(first));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"status\":\"accepted\"");
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.ghl().smsTo("c-e2e")).hasSize(1);

        String second = GhlWebhooks.inboundSms("loc-e2e", "c-e2e", "Downsizing now that the kids moved out", Instant.now());
        assertThat(post(second, platform.signer().ed25519Signature(second), "X-GHL-Signature").statusCode()).isEqualTo(200);
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.ghl().smsTo("c-e2e")).hasSize(2).last().asString().contains("moved out");
        // the lead's state came back from Redis, not only from PostgreSQL
        assertThat(platform.metrics().counter(PlatformMetrics.CACHE_HITS)).isPositive();
        assertThat(platform.metrics().counter(PlatformMetrics.CACHE_UNAVAILABLE, "lead_cache")).isZero();

        // the same delivery again: acknowledged, not answered twice
        assertThat(post(second, platform.signer().rsaSignature(second)).body()).contains("duplicate");
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(platform.ghl().smsTo("c-e2e")).hasSize(2);
    }

    @Test
    void theBiReportPageIsServedAtSlashReport() throws Exception {
        java.net.URI report = platform.webhookUrl().resolve("/report?locationId=loc-e2e");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(report).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        assertThat(page.body()).startsWith("<!doctype html>").contains("What the bots earned", "loc-e2e", "id=\"funnel\"");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(report).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aMessageTheWorkerCannotReadIsDroppedWithItsReasonNotRetriedIntoTheDeadLetters() throws Exception {
        long droppedBefore = platform.metrics().counter(PlatformMetrics.QUEUE_MESSAGES_DROPPED, "not_json");
        // intake never queues this; a hand-made message (as a DLQ replay could send) would fail on every receive
        platform.queue().send(new QueuedLeadEvent("loc-e2e:c-poison", "wh-poison", "InboundMessage",
                "{\"type\":\"InboundMessage\",\"body\":\"call 512-555-0101", 0));
        platform.queue().send(new QueuedLeadEvent("loc-e2e:c-poison", "wh-after-poison", "InboundMessage",
                GhlWebhooks.inboundSms("loc-e2e", "c-poison", "thinking about selling", Instant.now()), 0));
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(platform.queue().deadLetters()).filteredOn(d -> d.event().groupId().equals("loc-e2e:c-poison")).isEmpty();
        assertThat(platform.metrics().counter(PlatformMetrics.QUEUE_MESSAGES_DROPPED, "not_json")).isEqualTo(droppedBefore + 1);
        assertThat(platform.ghl().smsTo("c-poison")).as("the lead's next message is answered at once").hasSize(1);
    }

    @Test
    void forgedAndOversizedRequestsAreRefusedAtTheDoor() throws Exception {
        String body = GhlWebhooks.inboundSms("loc-e2e", "c-forged", "hello", Instant.now());
        HttpResponse<String> forged = post(body, "bm90IGEgc2lnbmF0dXJl");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("signature_invalid");

        String huge = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
        assertThat(post(huge, platform.signer().rsaSignature(huge)).statusCode()).isEqualTo(413);

        String bad = "{\"type\":\"InboundMessage\"}";
        HttpResponse<String> invalid = post(bad, platform.signer().rsaSignature(bad));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"locationId\"");
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(platform.ghl().smsTo("c-forged")).isEmpty();
    }

    @Test
    void whatTheWorkerCannotStoreIs400AndWhatIntakeAcceptsAtTheLimitsIsStored() throws Exception {
        // issue 11, findings 2 and 3: each of these was a 200, then five failures in the worker and the DLQ
        Instant now = Instant.now();
        String nul = GhlWebhooks.inboundSms("loc-lim", "c-lim", "hi\u0000there", now);
        // escaped in the JSON text: a raw lone surrogate cannot even be written as UTF-8
        String surrogate = GhlWebhooks.inboundSms("loc-lim", "c-lim", "hi SURROGATES", now)
                .replace("SURROGATES", "\\uDFE0\\uD83C");
        String money = GhlWebhooks.envelope("OpportunityMonetaryValueUpdate", "loc-lim", now).put("id", "o-lim")
                .put("contactId", "c-lim").put("monetaryValue", 1e12).toString();
        String overflow = money.replace("1.0E12", "1e309");
        ObjectNode farAppointment = GhlWebhooks.envelope("AppointmentCreate", "loc-lim", now);
        farAppointment.putObject("appointment").put("id", "a-lim").put("contactId", "c-lim")
                .put("startTime", now.toString()).put("endTime", "-999999999-01-01T00:00:00Z");
        for (var refused : Map.of(nul, "body", surrogate, "body", money, "monetaryValue", overflow, "monetaryValue",
                farAppointment.toString(), "appointment.endTime").entrySet()) {
            HttpResponse<String> r = post(refused.getKey(), platform.signer().rsaSignature(refused.getKey()));
            assertThat(r.statusCode()).as(refused.getValue()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"" + refused.getValue() + "\"").doesNotContain("jackson", "Exception");
        }

        String edgeText = GhlWebhooks.inboundSms("loc-lim", "c-lim", "Casa \uD83C\uDFE0 \uFFFF ¿cuánto?", now);
        String edgeMoney = GhlWebhooks.envelope("OpportunityMonetaryValueUpdate", "loc-lim", now).put("id", "o-lim")
                .put("contactId", "c-lim").put("monetaryValue", new java.math.BigDecimal("999999999999.99")).toString();
        ObjectNode edgeAppointment = GhlWebhooks.envelope("AppointmentCreate", "loc-lim", now);
        edgeAppointment.putObject("appointment").put("id", "a-lim").put("contactId", "c-lim")
                .put("startTime", "1583-01-01T00:00:00Z").put("endTime", "9999-12-31T23:59:59.999999Z");
        for (String accepted : java.util.List.of(edgeText, edgeMoney, edgeAppointment.toString())) {
            assertThat(post(accepted, platform.signer().rsaSignature(accepted)).statusCode()).isEqualTo(200);
        }
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(platform.queue().deadLetters()).filteredOn(d -> d.event().groupId().startsWith("loc-lim:")).isEmpty();
        assertThat(platform.ghl().smsTo("c-lim")).hasSize(1);
    }

    @Test
    void theAgentsInboxIsServedUnderInboxAndTheDemoTeamLeadSignsInWithThePrintedPassword() throws Exception {
        String base = "http://127.0.0.1:" + platform.port();
        HttpResponse<String> page = get(base + "/inbox/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> anonymous = get(base + "/inbox/api/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));

        // sign in as the page does: InitiateAuth at the endpoint config.json names, with the printed password
        var json = com.jorge.platform.json.PlatformJson.mapper();
        var config = json.readTree(get(base + "/inbox/config.json", null).body());
        String login = json.writeValueAsString(Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", config.path("clientId").asText(),
                "AuthParameters", Map.of("USERNAME", LocalInbox.TEAM_LEAD, "PASSWORD", platform.inbox().orElseThrow().password())));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(java.net.URI.create(config.path("authEndpoint").asText()))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String token = json.readTree(signedIn.body()).path("AuthenticationResult").path("AccessToken").asText();

        HttpResponse<String> me = get(base + "/inbox/api/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("role").asText()).isEqualTo("team_lead");
        assertThat(me.body()).contains("loc-demo-north", "loc-demo-south");
        assertThat(get(base + "/inbox/api/offers", token).statusCode()).isEqualTo(200);
    }

    @Test
    void theDemoAdminExportsAndErasesAContactThroughTheInboxAndTheTeamLeadMayNot() throws Exception {
        String base = "http://127.0.0.1:" + platform.port();
        LocalInbox inbox = platform.inbox().orElseThrow();
        String admin = signIn(base, LocalInbox.ADMIN, inbox.adminPassword());
        String teamLead = signIn(base, LocalInbox.TEAM_LEAD, inbox.password());
        String contact = base + "/inbox/api/admin/contacts/loc-demo-north/c-gdpr-local";
        var json = com.jorge.platform.json.PlatformJson.mapper();

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(java.net.URI.create(contact + "/erase"))
                .header("Authorization", "Bearer " + teamLead).POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"DSR-7\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(get(contact + "/export?reason=DSR-7", admin).statusCode()).isEqualTo(200);
        HttpResponse<String> erased = http.send(HttpRequest.newBuilder(java.net.URI.create(contact + "/erase"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"DSR-7\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        var report = json.readTree(erased.body()).path("erasure");
        assertThat(report.path("tombstoneSeq").asLong()).isPositive();
        assertThat(report.path("heldByGhl").toString()).contains("the contact record");
    }

    private String signIn(String base, String user, String password) throws Exception {
        var json = com.jorge.platform.json.PlatformJson.mapper();
        var config = json.readTree(get(base + "/inbox/config.json", null).body());
        String login = json.writeValueAsString(Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", config.path("clientId").asText(),
                "AuthParameters", Map.of("USERNAME", user, "PASSWORD", password)));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(java.net.URI.create(config.path("authEndpoint").asText()))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        return json.readTree(signedIn.body()).path("AuthenticationResult").path("AccessToken").asText();
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        return post(body, signature, "X-WH-Signature");
    }

    private HttpResponse<String> post(String body, String signature, String header) throws Exception {
        return http.send(HttpRequest.newBuilder(platform.webhookUrl()).header(header, signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
