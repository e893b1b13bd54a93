package com.jorge.platform.cachewarmer;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CacheWarmerHandlerTest {

    static final String SCHEDULED_EVENT = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
             "source":"aws.events","account":"123456789012","time":"2026-03-10T16:00:00Z","region":"us-east-1",
             "resources":["arn:aws:events:us-east-1:123456789012:rule/jorge-cache-warmer"],"detail":{}}""";

    @Test
    void aScheduledEventRunsTheWarmerAndAnswersTheSummary() throws Exception {
        WarmerRig rig = WarmerRig.shared();
        // two months after CacheWarmerTest's leads, which are then out of every window (and it out of theirs)
        Instant now = CacheWarmerTest.NOW.plus(Duration.ofDays(60));
        LeadRef lead = new LeadRef("loc-h", "c-handler");
        rig.contact(lead, "Hana", false, false);
        rig.conversation(lead, "qualifying", Temperature.WARM, false, now.minusSeconds(120), now.minusSeconds(60));
        RecordedMetrics metrics = new RecordedMetrics();
        String namespace = TestRedis.namespace("warmer-handler");
        PlatformConfig config = PlatformConfig.of(Map.of(
                "DATABASE_URL", rig.schema.jdbcUrl(), "DATABASE_USER", rig.schema.user(),
                "DATABASE_PASSWORD", rig.schema.password(), "REDIS_URL", TestRedis.standaloneUrl(),
                "REDIS_NAMESPACE", namespace));
        try (CacheWarmerFunction function = CacheWarmerFunction.fromConfig(config, metrics, Clock.fixed(now, ZoneOffset.UTC))) {
            CacheWarmerHandler handler = new CacheWarmerHandler(() -> function, metrics);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            handler.handleRequest(new ByteArrayInputStream(SCHEDULED_EVENT.getBytes(StandardCharsets.UTF_8)), out,
                    context(Duration.ofMinutes(5)));

            JsonNode summary = PlatformJson.mapper().readTree(out.toByteArray());
            assertThat(summary.path("considered").asInt()).isEqualTo(1);
            assertThat(summary.path("warmed").asInt()).isEqualTo(1);
            assertThat(summary.path("stoppedBy").asText()).isEqualTo("COMPLETED");
            assertThat(summary.has("elapsedMillis")).isTrue();
            assertThat(rig.workerCache(namespace).conversation(lead)).isPresent();
            assertThat(metrics.counter(CacheWarmerMetrics.WARMED)).isEqualTo(1);
        }
    }

    @Test
    void theBudgetLeavesAMarginBeforeTheLambdaTimeout() {
        assertThat(CacheWarmerHandler.budget(Duration.ofSeconds(240), context(Duration.ofSeconds(60))))
                .isEqualTo(Duration.ofSeconds(60).minus(CacheWarmerHandler.SAFETY_MARGIN));
        assertThat(CacheWarmerHandler.budget(Duration.ofSeconds(240), context(Duration.ofSeconds(300))))
                .isEqualTo(Duration.ofSeconds(240));
    }

    static Context context(Duration remaining) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) remaining.toMillis();
                    case "getAwsRequestId" -> "req-1";
                    case "getFunctionName" -> "jorge-cache-warmer";
                    default -> null;
                });
    }
}
