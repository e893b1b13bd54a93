package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's own retry schedule: a decided reply that GHL refused waits in the outbox (the queue
 * message is acknowledged), goes out once GHL answers again, and never lets the lead's later replies
 * overtake it.
 */
class OutboxRedeliveryTest {

    private static final String LOC = "locR";
    /**
     * A send that meets a 503 may have gone through: the client looks it up before trying again (four
     * tries), so it takes five failures in a row to leave a reply to the outbox's retries.
     */
    private static final int GHL_DOWN_FOR_ONE_SEND = 5;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T17:00:00Z"));
    /** Echoes the lead's text, so each reply says which message it answers. */
    private final ConversationPolicy echo = (ctx, msg) -> new BotTurn(List.of("re: " + msg.body()), List.of(),
            ctx.state().withTurns(ctx.state().turns() + 1), null);
    private final WorkerTestRig rig = new WorkerTestRig(echo, clock, TestRedis.standaloneUrl());

    @AfterEach
    void close() {
        rig.close();
    }

    private void text(String contact, String body) {
        rig.worker.messages().process(GhlWebhooks.inboundSms(LOC, contact, body, clock.instant()), clock.millis());
    }

    @Test
    void aLaterReplyWaitsBehindOneStillWaitingForGhl() throws Exception {
        rig.ghl.failNext(GHL_DOWN_FOR_ONE_SEND, 503, null);
        text("ola", "first");
        assertThat(rig.ghl.smsTo("ola")).isEmpty();

        clock.advance(Duration.ofSeconds(5)); // GHL is back, but the first reply still waits for its retry
        text("ola", "second");
        assertThat(rig.ghl.smsTo("ola")).as("the second reply must not overtake the first").isEmpty();
        assertThat(rig.count("SELECT count(*) FROM webhook_events WHERE next_delivery_at IS NOT NULL")).isEqualTo(2);

        text("pia", "another lead"); // other leads are not held up
        assertThat(rig.ghl.smsTo("pia")).containsExactly("re: another lead");

        clock.advance(Duration.ofMinutes(1));
        assertThat(rig.worker.redelivery().run(10)).isEqualTo(2);
        assertThat(rig.ghl.smsTo("ola")).containsExactly("re: first", "re: second");
        assertThat(rig.count("SELECT count(*) FROM webhook_events WHERE status = 'decided'")).isZero();
        assertThat(rig.metrics.counter(PlatformMetrics.OUTBOX_REDELIVERED)).isEqualTo(2);
    }

    @Test
    void aFailedRetryBacksOffLongerAndHoldsTheLeadsLaterRepliesBehindIt() throws Exception {
        rig.ghl.failNext(GHL_DOWN_FOR_ONE_SEND, 503, null);
        text("quinn", "one");
        rig.ghl.failNext(1, 422, null); // the retry's look-up refused (not retried, so the breaker stays closed)
        clock.advance(Duration.ofMinutes(1));
        assertThat(rig.worker.redelivery().run(10)).as("GHL still down").isZero();
        assertThat(rig.count("SELECT delivery_attempts FROM webhook_events")).isEqualTo(2);
        Instant next = Instant.parse(rig.text("SELECT to_char(next_delivery_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM webhook_events"));
        assertThat(Duration.between(clock.instant(), next)).as("the second wait is about a minute")
                .isBetween(Duration.ofSeconds(45), Duration.ofSeconds(75));

        clock.advance(Duration.ofSeconds(30));
        assertThat(rig.worker.redelivery().run(10)).as("not due yet").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(rig.worker.redelivery().run(10)).isEqualTo(1);
        assertThat(rig.ghl.smsTo("quinn")).containsExactly("re: one");
    }

    @Test
    void aReplyGhlTookJustBeforeTheProcessDiedIsFoundInGhlNotSentAgain() throws Exception {
        String event = GhlWebhooks.inboundSms(LOC, "sol", "hello", clock.instant());
        rig.worker.messages().process(event, clock.millis());
        assertThat(rig.ghl.smsTo("sol")).containsExactly("re: hello");
        String ghlId = rig.text("SELECT ghl_message_id FROM messages WHERE author = 'bot'");
        // the process died after GHL took the SMS and before "sent" was committed
        rig.execute("UPDATE messages SET status = 'pending', ghl_message_id = NULL, sent_at = NULL WHERE author = 'bot'");
        rig.execute("UPDATE webhook_events SET status = 'decided'");

        clock.advance(Duration.ofSeconds(40)); // the queue delivers the message again after its visibility timeout
        rig.worker.messages().process(event, clock.millis());

        assertThat(rig.ghl.smsTo("sol")).as("sent once").containsExactly("re: hello");
        assertThat(rig.text("SELECT status || ' ' || ghl_message_id FROM messages WHERE author = 'bot'"))
                .isEqualTo("sent " + ghlId);
        assertThat(rig.count("SELECT count(*) FROM webhook_events WHERE status = 'done'")).isEqualTo(1);
        assertThat(rig.metrics.counter(PlatformMetrics.REPLIES_FOUND_SENT)).isEqualTo(1);
    }

    @Test
    void aSendGhlRefusedOutrightIsRetriedWithoutLookingItUp() throws Exception {
        rig.ghl.failNext(1, 422, null); // refused before processing: certainly not sent
        text("tao", "hi");
        assertThat(rig.ghl.smsTo("tao")).isEmpty();
        assertThat(rig.count("SELECT count(*) FROM messages WHERE author = 'bot' AND unconfirmed_send_at IS NULL"))
                .as("no look-up needed next time").isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(rig.worker.redelivery().run(10)).isEqualTo(1);
        assertThat(rig.ghl.smsTo("tao")).containsExactly("re: hi");
        assertThat(rig.metrics.counter(PlatformMetrics.REPLIES_FOUND_SENT)).isZero();
    }

    @Test
    void theOldestWaitingDeliveryIsReportedForTheStaleOutboxAlarm() throws Exception {
        rig.ghl.failNext(GHL_DOWN_FOR_ONE_SEND, 503, null);
        text("rue", "hello");
        clock.advance(Duration.ofMinutes(10));
        rig.ghl.failNext(1, 422, null);
        rig.worker.redelivery().run(10);
        assertThat(rig.metrics.lastLatency(PlatformMetrics.OUTBOX_OLDEST_WAITING)).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(5));
        rig.worker.redelivery().run(10);
        assertThat(rig.ghl.smsTo("rue")).hasSize(1);
        assertThat(rig.metrics.lastLatency(PlatformMetrics.OUTBOX_OLDEST_WAITING)).isEqualTo(Duration.ZERO);
    }
}
