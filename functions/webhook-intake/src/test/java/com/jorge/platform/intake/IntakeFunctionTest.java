package com.jorge.platform.intake;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.queue.QueuedLeadEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys the intake trusts as it is deployed: built from configuration, GHL's 2026 defaults. */
class IntakeFunctionTest {

    private final WebhookSigner ghl = WebhookSigner.generate();
    private final List<QueuedLeadEvent> queued = new ArrayList<>();

    @Test
    void anEd25519OnlyDeliveryIsAcceptedWithNoRsaKeyConfigured() {
        WebhookIntake intake = intake(Map.of("GHL_WEBHOOK_ED25519_PUBLIC_KEY", ghl.ed25519PublicKeyPem()));
        String body = GhlWebhooks.inboundSms("loc1", "contact1", "hello", Instant.now());

        assertThat(intake.accept(request(body, Map.of("X-GHL-Signature", ghl.ed25519Signature(body)))))
                .isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(queued).hasSize(1);
    }

    @Test
    void anRsaOnlyDeliveryIsRefusedUnlessAnOperatorConfiguresAnRsaKey() {
        String body = GhlWebhooks.inboundSms("loc1", "contact2", "hello", Instant.now());
        var rsaOnly = Map.of("X-WH-Signature", ghl.rsaSignature(body));

        IntakeOutcome byDefault = intake(Map.of()).accept(request(body, rsaOnly));
        assertThat(byDefault).isInstanceOfSatisfying(IntakeOutcome.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.reason()).isEqualTo("signature_missing");
        });
        assertThat(queued).isEmpty();

        IntakeOutcome legacy = intake(Map.of("GHL_WEBHOOK_RSA_PUBLIC_KEY", ghl.rsaPublicKeyPem())).accept(request(body, rsaOnly));
        assertThat(legacy).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(queued).hasSize(1);
    }

    @Test
    void theShippedDefaultTrustsGhlsPublishedKeyAndNoOther() {
        String body = GhlWebhooks.inboundSms("loc1", "contact3", "hello", Instant.now());
        IntakeOutcome outcome = intake(Map.of()).accept(request(body, Map.of("X-GHL-Signature", ghl.ed25519Signature(body))));
        assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.reason()).isEqualTo("signature_invalid");
        });
        assertThat(queued).isEmpty();
    }

    private WebhookIntake intake(Map<String, String> settings) {
        return IntakeFunction.fromConfig(PlatformConfig.of(settings), queued::add, new RecordedMetrics());
    }

    private static WebhookRequest request(String body, Map<String, String> headers) {
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), headers);
    }
}
