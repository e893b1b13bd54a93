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

    private WebhookRequest signed(String body) {
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), Map.of("X-GHL-Signature", ghl.ed25519Signature(body)));
    }
}
