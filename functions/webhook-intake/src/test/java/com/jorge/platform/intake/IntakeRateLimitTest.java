package com.jorge.platform.intake;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each location's token bucket in Redis: an authentic event over it is a 429 that GHL retries, never lost. */
class IntakeRateLimitTest {

    private final WebhookSigner ghl = WebhookSigner.generate();
    private final List<QueuedLeadEvent> queued = new ArrayList<>();

    @Test
    void aLocationOverItsBucketGetsRetryLaterAndItsRetryIsNotTakenForADuplicate() {
        WebhookIntake intake = IntakeFunction.fromConfig(PlatformConfig.of(Map.of(
                "GHL_WEBHOOK_ED25519_PUBLIC_KEY", ghl.ed25519PublicKeyPem(), "REDIS_URL", TestRedis.standaloneUrl(),
                "REDIS_NAMESPACE", TestRedis.namespace("intake-limits"), "WEBHOOK_LIMIT_PER_LOCATION_PER_MINUTE", "2")),
                queued::add, new RecordedMetrics());
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) bodies.add(GhlWebhooks.inboundSms("loc-busy", "c" + i, "hello " + i, Instant.now()));
        String otherLocation = GhlWebhooks.inboundSms("loc-calm", "c9", "hi", Instant.now());

        IntakeOutcome first = intake.accept(signed(bodies.get(0)));
        IntakeOutcome second = intake.accept(signed(bodies.get(1)));
        IntakeOutcome third = intake.accept(signed(bodies.get(2)));
        IntakeOutcome elsewhere = intake.accept(signed(otherLocation));

        assertThat(first).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(second).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(third).isInstanceOfSatisfying(IntakeOutcome.RetryLater.class, r -> {
            assertThat(r.reason()).isEqualTo("rate_limited");
            assertThat(r.retryAfter().toSeconds()).isGreaterThanOrEqualTo(60);
        });
        assertThat(IntakeHttpAnswer.of(third).status()).isEqualTo(429);
        assertThat(IntakeHttpAnswer.of(third).headers()).containsKey("Retry-After");
        assertThat(elsewhere).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(queued).hasSize(3);
    }

    @Test
    void oneAddressOverItsBucketWaitsBeforeItsSignatureIsEvenCheckedAndOthersGoOn() {
        WebhookIntake intake = IntakeFunction.fromConfig(PlatformConfig.of(Map.of(
                "GHL_WEBHOOK_ED25519_PUBLIC_KEY", ghl.ed25519PublicKeyPem(), "REDIS_URL", TestRedis.standaloneUrl(),
                "REDIS_NAMESPACE", TestRedis.namespace("intake-client-limits"), "WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE", "3")),
                queued::add, new RecordedMetrics());
        String body = GhlWebhooks.inboundSms("loc-a", "c1", "hello", Instant.now());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forged = Map.of("X-GHL-Signature", "AAAA");

        // a flood of forged webhooks from one address: refused as forged until its bucket is empty, then told to wait
        assertThat(intake.accept(new WebhookRequest(bytes, forged, "203.0.113.9"))).isInstanceOf(IntakeOutcome.Rejected.class);
        assertThat(intake.accept(new WebhookRequest(bytes, forged, "203.0.113.9"))).isInstanceOf(IntakeOutcome.Rejected.class);
        assertThat(intake.accept(new WebhookRequest(bytes, forged, "203.0.113.9"))).isInstanceOf(IntakeOutcome.Rejected.class);
        IntakeOutcome flooded = intake.accept(new WebhookRequest(bytes, forged, "203.0.113.9"));
        assertThat(flooded).isInstanceOfSatisfying(IntakeOutcome.RetryLater.class, r -> {
            assertThat(r.reason()).isEqualTo("client_rate_limited");
            assertThat(r.retryAfter().toSeconds()).isGreaterThanOrEqualTo(60);
        });
        assertThat(IntakeHttpAnswer.of(flooded).status()).isEqualTo(429);
        assertThat(IntakeHttpAnswer.of(flooded).headers()).containsKey("Retry-After");
        // an authentic event from that address waits too (GHL retries a 429); from another address it goes through
        Map<String, String> signed = Map.of("X-GHL-Signature", ghl.ed25519Signature(body));
        assertThat(intake.accept(new WebhookRequest(bytes, signed, "203.0.113.9"))).isInstanceOf(IntakeOutcome.RetryLater.class);
        assertThat(intake.accept(new WebhookRequest(bytes, signed, "198.51.100.4"))).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(queued).hasSize(1);
    }

    @Test
    void theHandlerTakesTheAddressFromTheGatewayNeverFromAHeader() {
        WebhookIntake intake = IntakeFunction.fromConfig(PlatformConfig.of(Map.of(
                "GHL_WEBHOOK_ED25519_PUBLIC_KEY", ghl.ed25519PublicKeyPem(), "REDIS_URL", TestRedis.standaloneUrl(),
                "REDIS_NAMESPACE", TestRedis.namespace("intake-client-ip"), "WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE", "1")),
                queued::add, new RecordedMetrics());
        var handler = new WebhookIntakeHandler(intake, new RecordedMetrics());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var event = new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent();
            event.setBody("{}");
            // a new X-Forwarded-For each time does not buy a new bucket
            event.setHeaders(Map.of("x-forwarded-for", "10.0.0." + i));
            event.setRequestContext(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withHttp(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("POST").withPath("/webhooks/ghl").withSourceIp("203.0.113.77").build()).build());
            statuses.add(handler.handleRequest(event, null).getStatusCode());
        }
        assertThat(statuses).containsExactly(401, 429, 429);
    }

    private WebhookRequest signed(String body) {
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), Map.of("X-GHL-Signature", ghl.ed25519Signature(body)));
    }
}
