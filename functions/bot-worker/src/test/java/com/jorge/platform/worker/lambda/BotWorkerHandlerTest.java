package com.jorge.platform.worker.lambda;

import com.jorge.platform.worker.WorkerTestRig;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.inbound.QueuedMessageReader;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BotWorkerHandlerTest {

    private final MutableClock clock = new MutableClock(Instant.now());
    private final WorkerTestRig rig = new WorkerTestRig(new StarterQualificationPolicy(), clock, TestRedis.standaloneUrl());

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void unreadableRecordsAreDroppedWithAReasonWhileTheRestOfTheBatchIsAnswered() throws Exception {
        BotWorkerHandler handler = new BotWorkerHandler(rig.worker.messages(), rig.metrics);
        SQSEvent event = new SQSEvent();
        String badId = "{\"type\":\"InboundMessage\",\"locationId\":\"loc1\",\"contactId\":{\"email\":\"ann@example.com\"},"
                + "\"webhookId\":\"wh-x\",\"timestamp\":\"" + clock.instant() + "\",\"body\":\"selling\"}";
        String badStep = "{\"type\":\"nurture.step\",\"locationId\":\"loc1\",\"contactId\":\"ann\",\"step\":1,\"steps\":3,"
                + "\"execution\":\"arn:x\"}"; // no taskToken
        event.setRecords(List.of(
                message("m1", "loc1:ann", "{ this is not json, call me at +1 512 555 0123"),
                message("m2", "loc1:ann", GhlWebhooks.inboundSms("loc1", "ann", "selling", clock.instant())),
                message("m3", "loc1:ben", badId),
                message("m4", "loc1:ben", GhlWebhooks.inboundSms("loc1", "ben", "selling too", clock.instant())),
                message("m5", "loc1:cy", badStep)));

        StringWriter logs = new StringWriter();
        SQSBatchResponse response = capturingWarnings(logs, () -> handler.handleRequest(event, null));

        assertThat(response.getBatchItemFailures()).as("acknowledged: no receive would ever read them").isEmpty();
        assertThat(rig.ghl.smsTo("ann")).as("the lead's next message is not held behind the dropped one").hasSize(1);
        assertThat(rig.ghl.smsTo("ben")).hasSize(1);
        assertThat(rig.metrics.counter(PlatformMetrics.QUEUE_MESSAGES_DROPPED, QueuedMessageReader.NOT_JSON)).isEqualTo(1);
        assertThat(rig.metrics.counter(PlatformMetrics.QUEUE_MESSAGES_DROPPED, QueuedMessageReader.INVALID_GHL_EVENT)).isEqualTo(1);
        assertThat(rig.metrics.counter(PlatformMetrics.QUEUE_MESSAGES_DROPPED, QueuedMessageReader.INVALID_WORKFLOW_MESSAGE))
                .isEqualTo(1);
        assertThat(rig.metrics.counter(PlatformMetrics.EVENTS_FAILED)).isZero();
        List<JsonNode> dropped = logs.toString().lines().map(BotWorkerHandlerTest::json)
                .filter(line -> line.path("message").asText().startsWith("unreadable message dropped")).toList();
        assertThat(dropped).extracting(line -> line.path("correlation").path("dropReason").asText() + " "
                + line.path("correlation").path("dropField").asText() + " " + line.path("correlation").path("sqsMessageId").asText())
                .containsExactly("not_json $ m1", "invalid_ghl_event contactId m3", "invalid_workflow_message taskToken m5");
        // the phone's digits, not "555" alone: a log line's timestamp can hold 555 milliseconds
        assertThat(logs.toString()).doesNotContain("555 0123").doesNotContain("5550123").doesNotContain("ann@example.com").doesNotContain("this is not json");
    }

    @Test
    void aTransientFailureIsStillReportedAloneAndHoldsBackOnlyItsOwnLeadsLaterMessages() {
        ConversationPolicy flaky = (ctx, msg) -> {
            if (msg.body().contains("outage")) throw new IllegalStateException("the model endpoint timed out");
            return new StarterQualificationPolicy().respond(ctx, msg);
        };
        try (WorkerTestRig own = new WorkerTestRig(flaky, clock, TestRedis.standaloneUrl())) {
            BotWorkerHandler handler = new BotWorkerHandler(own.worker.messages(), own.metrics);
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(
                    message("t1", "loc1:ann", "not json at all"),
                    message("t2", "loc1:ann", GhlWebhooks.inboundSms("loc1", "ann", "outage", clock.instant())),
                    message("t3", "loc1:ann", GhlWebhooks.inboundSms("loc1", "ann", "selling", clock.instant())),
                    message("t4", "loc1:ben", GhlWebhooks.inboundSms("loc1", "ben", "selling too", clock.instant()))));

            SQSBatchResponse response = handler.handleRequest(event, null);

            assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("t2", "t3");
            assertThat(own.ghl.smsTo("ann")).as("t3 must not overtake the failed t2").isEmpty();
            assertThat(own.ghl.smsTo("ben")).hasSize(1);
            assertThat(own.metrics.counter(PlatformMetrics.EVENTS_FAILED)).isEqualTo(1);
            assertThat(own.metrics.counter(PlatformMetrics.QUEUE_MESSAGES_DROPPED, QueuedMessageReader.NOT_JSON)).isEqualTo(1);
        }
    }

    @Test
    void anErrorInOneLeadsTurnFailsThatMessageAloneAndTheBatchGoesOn() {
        ConversationPolicy overflowing = (ctx, msg) -> {
            if (msg.body().startsWith("aaaa")) throw new StackOverflowError();
            return new StarterQualificationPolicy().respond(ctx, msg);
        };
        try (WorkerTestRig own = new WorkerTestRig(overflowing, clock, TestRedis.standaloneUrl())) {
            BotWorkerHandler handler = new BotWorkerHandler(own.worker.messages(), own.metrics);
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(
                    message("e1", "loc1:cal", GhlWebhooks.inboundSms("loc1", "cal", "a".repeat(2000), clock.instant())),
                    message("e2", "loc1:dee", GhlWebhooks.inboundSms("loc1", "dee", "selling", clock.instant()))));

            SQSBatchResponse response = handler.handleRequest(event, null);

            assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("e1");
            assertThat(own.ghl.smsTo("dee")).hasSize(1);
            assertThat(own.metrics.counter(PlatformMetrics.EVENTS_FAILED)).isEqualTo(1);
        }
    }

    /** The handler's WARN lines as the platform writes them (JSON, the MDC under "correlation"), while {@code run} runs. */
    private static <T> T capturingWarnings(StringWriter sink, java.util.function.Supplier<T> run) {
        var context = (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        var configuration = context.getConfiguration();
        var layout = ((org.apache.logging.log4j.core.appender.AbstractAppender) configuration.getAppender("json")).getLayout();
        var appender = org.apache.logging.log4j.core.appender.WriterAppender.createAppender(
                (org.apache.logging.log4j.core.StringLayout) layout, null, sink, "drop-scan", false, true);
        appender.start();
        var platformLogs = configuration.getLoggerConfig("com.jorge.platform");
        platformLogs.addAppender(appender, null, null);
        context.updateLoggers();
        try {
            return run.get();
        } finally {
            platformLogs.removeAppender("drop-scan");
            context.updateLoggers();
            appender.stop();
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line.length() + " chars", e);
        }
    }

    private static SQSEvent.SQSMessage message(String id, String group, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        m.setAttributes(Map.of("MessageGroupId", group));
        SQSEvent.MessageAttribute receivedAt = new SQSEvent.MessageAttribute();
        receivedAt.setDataType("Number");
        receivedAt.setStringValue(Long.toString(System.currentTimeMillis()));
        m.setMessageAttributes(Map.of("receivedAtMillis", receivedAt));
        return m;
    }
}
