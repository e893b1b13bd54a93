package com.jorge.platform.worker.lambda;

import com.jorge.platform.worker.WorkerTestRig;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
    void aBadMessageFailsAloneAndHoldsBackOnlyItsOwnLeadsLaterMessages() {
        BotWorkerHandler handler = new BotWorkerHandler(rig.worker.messages(), rig.metrics);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("m1", "loc1:ann", "{ this is not json"),
                message("m2", "loc1:ann", GhlWebhooks.inboundSms("loc1", "ann", "selling", clock.instant())),
                message("m3", "loc1:ben", GhlWebhooks.inboundSms("loc1", "ben", "selling too", clock.instant())),
                message("m4", "loc1:ben", GhlWebhooks.inboundSms("loc1", "ben", "relocating", clock.instant()))));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1", "m2");
        assertThat(rig.ghl.smsTo("ann")).as("m2 must not overtake the failed m1").isEmpty();
        assertThat(rig.ghl.smsTo("ben")).hasSize(2);
        assertThat(rig.metrics.counter(PlatformMetrics.EVENTS_FAILED)).isEqualTo(1);
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
