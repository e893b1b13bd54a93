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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GHL's X-RateLimit-* headers, sent by the fake over real HTTP, slow a location's calls down before GHL answers 429. */
class GhlRateLimitPacingTest {

    private static final Duration WINDOW = Duration.ofMillis(600);
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

    /** Our own limiter far above GHL's, so only the headers can slow the client down; each location its own token. */
    private GhlApiClient client(Duration maxWait) {
        GhlTokens perLocation = new GhlTokens() {
            @Override
            public String accessToken(String locationId) {
                return "token-" + locationId;
            }

            @Override
            public Optional<String> afterRejection(String locationId, String rejected) {
                return Optional.empty();
            }
        };
        return new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(2)),
                new GhlRateLimits.Limits(10_000, Duration.ofSeconds(10), 200_000, maxWait)), perLocation, PlatformJson.mapper(), metrics);
    }

    @Test
    void aLocationNearItsLimitWaitsForGhlsWindowInsteadOfMeetingA429() {
        ghl.rateLimits().enforce(5, WINDOW);
        GhlApiClient client = client(Duration.ofSeconds(2));
        long started = System.nanoTime();
        for (int i = 0; i < 15; i++) client.addTags(new LeadRef("locA", "contact" + i), List.of("t"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(ghl.rateLimits().refused()).as("requests GHL refused with 429").isZero();
        assertThat(ghl.calls()).hasSize(15);
        // 15 calls at 5 a window need three windows: at least two whole ones waited
        assertThat(took).isGreaterThanOrEqualTo(WINDOW.multipliedBy(2).minusMillis(50));
        assertThat(metrics.counter(PlatformMetrics.GHL_API_RATE_LIMITED, "local")).isPositive();
    }

    @Test
    void onlyTheLocationThatSpentItsWindowWaits() {
        ghl.rateLimits().enforce(5, WINDOW);
        GhlApiClient client = client(Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) client.addTags(new LeadRef("locA", "c" + i), List.of("t"));

        long started = System.nanoTime();
        client.addTags(new LeadRef("locB", "c"), List.of("t"));
        Duration other = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        client.addTags(new LeadRef("locA", "c"), List.of("t"));
        Duration spent = Duration.ofNanos(System.nanoTime() - started);

        assertThat(other).isLessThan(WINDOW.dividedBy(2));
        assertThat(spent).isGreaterThanOrEqualTo(WINDOW.dividedBy(2));
        assertThat(ghl.rateLimits().refused()).isZero();
    }

    @Test
    void aWindowSpentForLongerThanTheCallMayWaitHandsTheCallBackUnsent() {
        ghl.rateLimits().enforce(2, Duration.ofSeconds(30));
        GhlApiClient client = client(Duration.ofMillis(100));
        LeadRef lead = new LeadRef("locA", "c");
        client.addTags(lead, List.of("t"));
        client.addTags(lead, List.of("t"));

        assertThatThrownBy(() -> client.sendSms(lead, "hello"))
                .isInstanceOfSatisfying(GhlApiException.class, e -> {
                    assertThat(e.rateLimited()).isTrue();
                    assertThat(e.status()).as("never sent").isZero();
                    assertThat(e.outcome()).isEqualTo(GhlApiException.Outcome.NOT_PROCESSED);
                });
        assertThat(ghl.calls()).hasSize(2);
        assertThat(ghl.rateLimits().refused()).isZero();
    }
}
