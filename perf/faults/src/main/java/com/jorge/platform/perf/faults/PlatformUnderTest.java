package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The platform a scenario drives: the local runtime in this process ({@link InProcessPlatform}), or
 * intake here in front of a real SQS endpoint with the worker in a child process ({@link SplitPlatform}).
 */
interface PlatformUnderTest extends AutoCloseable {

    URI webhookUrl();

    WebhookSigner signer();

    /** The fake GHL API: its fault switch and what it took. */
    FakeGhlServer ghl();

    /** The worker's counters (metric[dimension] -> count); empty where they live in another process. */
    Map<String, Long> counters();

    /** Messages accepted but not yet handled or dead-lettered. */
    long backlog();

    int deadLetterCount();

    /** How long a message that fails every time takes to reach the DLQ: its receives times the redelivery delay. */
    Duration deadLetterWithin();

    /** Dead letters by webhook key ({@code locationId|webhookId}) with the reason of their last failure. */
    Map<String, String> deadLetters();

    /** Waits until the backlog is empty; false on timeout. */
    default boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (backlog() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(200);
        }
        return true;
    }

    /** The webhook key of a queued event: its group is {@code locationId:contactId}, its deduplication id the webhookId. */
    static String key(String groupId, String deduplicationId) {
        return groupId.substring(0, groupId.indexOf(':')) + "|" + deduplicationId;
    }

    @Override
    void close();
}
