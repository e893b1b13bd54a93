package com.jorge.platform.ghl.api;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GhlApiClientTest {

    private static final LeadRef LEAD = new LeadRef("loc1", "contact1");
    private FakeGhlServer ghl;
    private RecordedMetrics metrics;

    @BeforeEach
    void start() {
        ghl = FakeGhlServer.start(0);
        metrics = new RecordedMetrics();
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    private GhlApiClient client(GhlRateLimits.Limits limits) {
        return new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1),
                Duration.ofSeconds(2), new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(2)), limits),
                GhlTokens.privateIntegration(() -> "pit-test-token"), PlatformJson.mapper(), metrics);
    }

    private GhlApiClient client() {
        return client(GhlRateLimits.Limits.ghlDefaults());
    }

    @Test
    void sendsAnSmsTheWayTheConversationsApiDocumentsIt() {
        String id = client().sendSms(LEAD, "Hi Ana!");
        assertThat(id).startsWith("fake-msg-");
        FakeGhlServer.Call call = ghl.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/conversations/messages");
        assertThat(call.version()).isEqualTo("2021-04-15");
        assertThat(call.authorization()).isEqualTo("Bearer pit-test-token");
        assertThat(call.body().path("type").asText()).isEqualTo("SMS");
        assertThat(call.body().path("contactId").asText()).isEqualTo("contact1");
        assertThat(call.body().path("message").asText()).isEqualTo("Hi Ana!");
    }

    @Test
    void tagsFieldsAndOpportunitiesUseTheCrmApi() {
        GhlApiClient c = client();
        c.addTags(LEAD, List.of("hot-lead"));
        c.updateCustomFields(LEAD, Map.of("contact.budget", "450000"));
        c.moveOpportunity("loc1", "opp1", "pipe1", "stage9");
        assertThat(ghl.calls()).extracting(FakeGhlServer.Call::path)
                .containsExactly("/contacts/contact1/tags", "/contacts/contact1", "/opportunities/opp1");
        assertThat(ghl.calls().get(1).body().path("customFields").get(0).path("field_value").asText()).isEqualTo("450000");
        assertThat(ghl.calls().get(2).body().path("pipelineStageId").asText()).isEqualTo("stage9");
    }

    @Test
    void retriesA429HonouringRetryAfterThenSucceeds() {
        ghl.failNext(1, 429, "1");
        long start = System.nanoTime();
        client().sendSms(LEAD, "hello");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(ghl.calls()).hasSize(1);
        assertThat(metrics.counter(PlatformMetrics.GHL_API_RETRIES)).isEqualTo(1);
        // a 429 is GHL asking us to wait, not an error
        assertThat(metrics.counter(PlatformMetrics.GHL_API_RATE_LIMITED, "ghl")).isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.GHL_API_ERRORS, "429")).isZero();
    }

    @Test
    void retriesServerErrorsThenGivesUpWithARetryableFailure() {
        ghl.failNext(10, 503, null);
        // a CRM update is safe to repeat; a send is not repeated blindly (GhlSendOutcomeTest)
        assertThatThrownBy(() -> client().addTags(LEAD, List.of("hot-lead")))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(metrics.counter(PlatformMetrics.GHL_API_ERRORS, "503")).isEqualTo(4);
    }

    @Test
    void aRetryAfterLongerThanTheFunctionShouldWaitHandsOverToTheQueue() {
        ghl.failNext(1, 429, "120");
        long start = System.nanoTime();
        assertThatThrownBy(() -> client().sendSms(LEAD, "hello"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void clientErrorsAreNotRetried() {
        ghl.failNext(1, 422, null);
        assertThatThrownBy(() -> client().sendSms(LEAD, "hello"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(metrics.counter(PlatformMetrics.GHL_API_RETRIES)).isZero();
    }

    @Test
    void thePerLocationRateLimitHoldsCallsBackWithoutTouchingOtherLocations() {
        GhlApiClient c = client(new GhlRateLimits.Limits(3, Duration.ofSeconds(10), 1000, Duration.ZERO));
        for (int i = 0; i < 3; i++) c.sendSms(LEAD, "m" + i);
        assertThatThrownBy(() -> c.sendSms(LEAD, "one too many"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.rateLimited()).isTrue();
                    assertThat(e.outcome()).isEqualTo(GhlApiException.Outcome.NOT_PROCESSED);
                });
        assertThat(ghl.calls()).hasSize(3);
        assertThat(metrics.counter(PlatformMetrics.GHL_API_RATE_LIMITED, "local")).isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.GHL_API_ERRORS, "network")).isZero();
        c.sendSms(new LeadRef("loc2", "other"), "another location has its own budget");
        assertThat(ghl.calls()).hasSize(4);
    }

    @Test
    void theDailyQuotaIsEnforced() {
        GhlApiClient c = client(new GhlRateLimits.Limits(100, Duration.ofSeconds(10), 2, Duration.ZERO));
        c.sendSms(LEAD, "1");
        c.sendSms(LEAD, "2");
        assertThatThrownBy(() -> c.sendSms(LEAD, "3")).hasMessageContaining("daily");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingGhl() {
        GhlApiClient c = new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)),
                GhlRateLimits.Limits.ghlDefaults()), GhlTokens.privateIntegration(() -> "t"), PlatformJson.mapper(), metrics);
        ghl.failNext(100, 500, null);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> c.sendSms(LEAD, "x")).isInstanceOf(GhlApiException.class);
        }
        ghl.reset();
        assertThatThrownBy(() -> c.sendSms(LEAD, "while open")).hasMessageContaining("circuit is open");
        assertThat(ghl.calls()).isEmpty();
        assertThat(metrics.counter(PlatformMetrics.GHL_API_ERRORS, "circuit_open")).isEqualTo(1);
    }

    @Test
    void anUnreachableGhlIsARetryableFailure() {
        ghl.close();
        assertThatThrownBy(() -> client().sendSms(LEAD, "x"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.retryable()).isTrue();
                });
    }
}
