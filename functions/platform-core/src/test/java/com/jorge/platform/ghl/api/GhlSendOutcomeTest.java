package com.jorge.platform.ghl.api;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A send whose outcome is unknown is looked up in the conversation before it is sent again. Real HTTP. */
class GhlSendOutcomeTest {

    private static final LeadRef LEAD = new LeadRef("loc1", "contact1");
    private ConversationsStub ghl;
    private RecordedMetrics metrics;

    @BeforeEach
    void start() throws IOException {
        ghl = new ConversationsStub();
        metrics = new RecordedMetrics();
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    private GhlApiClient client(URI baseUrl, Duration requestTimeout, GhlRateLimits.Limits limits) {
        return new GhlApiClient(new GhlApiClient.Settings(baseUrl, Duration.ofSeconds(1),
                requestTimeout, new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(2)), limits),
                GhlTokens.privateIntegration(() -> "pit-test-token"), PlatformJson.mapper(), metrics);
    }

    private GhlApiClient client() {
        return client(ghl.baseUrl(), Duration.ofSeconds(2), GhlRateLimits.Limits.ghlDefaults());
    }

    @Test
    void aSendGhlProcessedButAnswered502IsFoundAndNotSentTwice() {
        ghl.script(ConversationsStub.Send.PROCESSED_THEN_502);
        String id = client().sendSms(LEAD, "Hi Ana! When would you like to move?");
        assertThat(ghl.sendRequests).hasValue(1);
        assertThat(ghl.outboundTo("contact1")).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(id));
        assertThat(metrics.counter(PlatformMetrics.GHL_API_SENDS_CONFIRMED)).isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.GHL_API_ERRORS, "502")).isEqualTo(1);
    }

    @Test
    void aSendThatTimedOutAfterGhlTookItIsFoundAndNotSentTwice() {
        ghl.slowMillis = 1_500;
        ghl.script(ConversationsStub.Send.PROCESSED_THEN_SLOW);
        String id = client(ghl.baseUrl(), Duration.ofMillis(300), GhlRateLimits.Limits.ghlDefaults()).sendSms(LEAD, "hello");
        assertThat(ghl.sendRequests).hasValue(1);
        assertThat(ghl.outboundTo("contact1")).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(id));
        assertThat(metrics.counter(PlatformMetrics.GHL_API_ERRORS, "network")).isEqualTo(1);
    }

    @Test
    void a502ForASendGhlNeverTookIsSentAgainOnce() {
        ghl.script(ConversationsStub.Send.NOT_PROCESSED_502);
        String id = client().sendSms(LEAD, "hello");
        assertThat(ghl.sendRequests).hasValue(2);
        assertThat(ghl.outboundTo("contact1")).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo(id));
        assertThat(metrics.counter(PlatformMetrics.GHL_API_SENDS_CONFIRMED)).isZero();
    }

    @Test
    void theSameTextSentBeforeTheWindowOrInboundIsNotTakenForThisAttempt() {
        Instant now = Instant.now();
        ghl.seed("contact1", "outbound", "hello", now.minus(Duration.ofMinutes(10)));
        ghl.seed("contact1", "inbound", "hello", now);
        ghl.seed("contact1", "outbound", "hello there", now);
        GhlApiClient c = client();
        assertThat(c.findSentSms(LEAD, "hello", now)).isEmpty();
        assertThat(c.findSentSms(LEAD, "hello", now.minus(Duration.ofMinutes(10)))).isPresent();
        assertThat(c.findSentSms(new LeadRef("loc1", "someone-else"), "hello", now.minus(Duration.ofHours(1)))).isEmpty();
        ghl.script(ConversationsStub.Send.NOT_PROCESSED_502);
        c.sendSms(LEAD, "hello");
        assertThat(ghl.sendRequests).hasValue(2);
    }

    @Test
    void findsAMessageOnALaterPageAndInTheLiveApisNestedShape() {
        Instant attempt = Instant.now().minusSeconds(30);
        ghl.seed("contact1", "outbound", "the one", attempt.plusSeconds(1));
        for (int i = 0; i < GhlApiClient.PAGE_SIZE + 10; i++) {
            ghl.seed("contact1", "outbound", "later " + i, attempt.plusSeconds(2).plusMillis(i));
        }
        GhlApiClient c = client();
        assertThat(c.findSentSms(LEAD, "the one", attempt)).hasValueSatisfying(m -> {
            assertThat(m.conversationId()).isEqualTo("conv-contact1");
            assertThat(m.dateAdded()).isEqualTo(attempt.plusSeconds(1));
        });
        ghl.nestedPages = true;
        assertThat(c.findSentSms(LEAD, "the one", attempt)).isPresent();
    }

    @Test
    void whenTheCheckCannotBeMadeTheSendIsNotRepeatedAndStaysUnknown() {
        ghl.script(ConversationsStub.Send.PROCESSED_THEN_502);
        ghl.searchStatus = 503;
        assertThatThrownBy(() -> client().sendSms(LEAD, "hello"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(GhlApiException.Outcome.UNKNOWN);
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(ghl.sendRequests).hasValue(1);
    }

    @Test
    void refusalsAndUnreachableGhlAreDefinitelyNotSent() throws IOException {
        ghl.script(ConversationsStub.Send.REJECT_422);
        assertThatThrownBy(() -> client().sendSms(LEAD, "hello"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> assertThat(e.outcome()).isEqualTo(GhlApiException.Outcome.NOT_PROCESSED));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> client(URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(1),
                GhlRateLimits.Limits.ghlDefaults()).sendSms(LEAD, "hello"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(GhlApiException.Outcome.NOT_PROCESSED);
                    assertThat(e.status()).isZero();
                });
        assertThat(new GhlApiException("x", 429, true, "1", null).outcome()).isEqualTo(GhlApiException.Outcome.NOT_PROCESSED);
        assertThat(new GhlApiException("x", 429, true, "1", null).rateLimited()).isTrue();
        assertThat(new GhlApiException("x", 500, true, null, null).outcome()).isEqualTo(GhlApiException.Outcome.UNKNOWN);
    }

    @Test
    void waitingForTheLocationsRateLimitIsCountedAsAWaitNotAnError() {
        GhlApiClient c = client(ghl.baseUrl(), Duration.ofSeconds(2), new GhlRateLimits.Limits(1, Duration.ofMillis(300), 1000, Duration.ofSeconds(2)));
        c.sendSms(LEAD, "one");
        long start = System.nanoTime();
        c.sendSms(LEAD, "two");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(metrics.counter(PlatformMetrics.GHL_API_RATE_LIMITED, "local")).isEqualTo(1);
        assertThat(metrics.snapshot()).noneSatisfy((name, value) -> assertThat(name).startsWith(PlatformMetrics.GHL_API_ERRORS));
    }
}
