package com.jorge.platform.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11, finding 7: the local queue deduplicates as lead-events.fifo does (per message group, 5 minutes). */
class LocalFifoQueueTest {

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final LocalFifoQueue queue = new LocalFifoQueue(this::consume, 2, 5, Duration.ofMillis(10), clock, id -> null);

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void theSameWebhookIdFromAnotherLocationIsADifferentMessage() throws Exception {
        queue.send(event("locA:c1", "wh-1", "from A"));
        queue.send(event("locB:c1", "wh-1", "from B"));
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(delivered).containsExactlyInAnyOrder("from A", "from B");
    }

    @Test
    void aDuplicateInTheSameGroupIsDroppedForFiveMinutesFromTheFirstSend() throws Exception {
        queue.send(event("locA:c1", "wh-2", "first"));
        clock.advance(Duration.ofMinutes(4));
        queue.send(event("locA:c1", "wh-2", "within the window"));
        clock.advance(Duration.ofSeconds(59));
        queue.send(event("locA:c1", "wh-2", "still within it: a duplicate does not extend the window"));
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(delivered).containsExactly("first");

        clock.advance(Duration.ofSeconds(1)); // 5 minutes after the first send
        queue.send(event("locA:c1", "wh-2", "after the window"));
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(delivered).containsExactly("first", "after the window");
    }

    @Test
    void aDeadLetterKeepsTheReasonOfItsLastFailure() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>(List.of("first try: TimeoutException", "last try: PSQLException"));
        LocalFifoQueue failing = new LocalFifoQueue(event -> SQSBatchResponse.builder().withBatchItemFailures(event.getRecords().stream()
                .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId())).toList()).build(),
                1, 2, Duration.ofMillis(10), clock, id -> reasons.isEmpty() ? null : reasons.removeFirst());
        try {
            failing.send(event("locA:c1", "wh-3", "reasons known"));
            assertThat(failing.awaitIdle(Duration.ofSeconds(5))).isTrue();
            failing.send(event("locA:c2", "wh-4", "no reason logged")); // the consumer reported it failed but said nothing
            assertThat(failing.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(failing.deadLetters()).extracting(LocalFifoQueue.DeadLetter::reason)
                    .containsExactly("last try: PSQLException", LocalFifoQueue.NOT_PROCESSED);
        } finally {
            failing.close();
        }
    }

    private SQSBatchResponse consume(SQSEvent event) {
        event.getRecords().forEach(r -> delivered.add(r.getBody()));
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private static QueuedLeadEvent event(String group, String webhookId, String body) {
        return new QueuedLeadEvent(group, webhookId, "InboundMessage", body, 0);
    }
}
