package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.WebhookSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers signed webhooks over HTTP as GHL does: each at its due time on its own virtual thread (open
 * model: a slow answer never delays the next send), and a 429 retried after its Retry-After, up to five
 * attempts, since that is the only answer GHL retries. Every attempt is recorded.
 */
final class WebhookSender implements AutoCloseable {

    /** Why a webhook was sent: the steady load, a copy of one (duplicate, replay), or a hostile payload. */
    enum Origin { LOAD, COPY, EXTRA, HOSTILE }

    /** One webhook as sent; {@code text} is the message text for InboundMessage, else null. */
    record Webhook(String locationId, String webhookId, String contactId, String eventType, String text, String body,
                   Origin origin, int phase, Instant dueAt, long dueNanos) {
        String key() {
            return locationId + "|" + webhookId;
        }
    }

    /** One attempt: {@code status} -1 when no HTTP answer came; latency from the due time. */
    record Delivery(Webhook webhook, int attempt, int status, String errorKind, long ackNanos) {}

    private static final int MAX_ATTEMPTS = 5;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();

    WebhookSender(URI url, WebhookSigner signer) {
        this.url = url;
        this.signer = signer;
        this.http = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs now, sends at {@code webhook.dueNanos()} (System.nanoTime) or at once if that has passed. */
    void sendAt(Webhook webhook) {
        String signature = signer.rsaSignature(webhook.body());
        inFlight.incrementAndGet();
        threads.submit(() -> {
            try {
                parkUntil(webhook.dueNanos());
                deliver(webhook, signature, 1);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void deliver(Webhook webhook, String signature, int attempt) {
        int status;
        String error = null;
        String retryAfter = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("X-WH-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(webhook.body())).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            if (status != 200) error = "HTTP " + status;
        } catch (HttpTimeoutException e) {
            status = -1;
            error = "no answer in " + REQUEST_TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            status = -1;
            error = "no answer: " + e.getClass().getSimpleName();
        }
        deliveries.add(new Delivery(webhook, attempt, status, error, System.nanoTime() - webhook.dueNanos()));
        if (status == 200) accepted.add(webhook.key());
        if (status == 429 && attempt < MAX_ATTEMPTS) {
            long waitSeconds = parseSeconds(retryAfter);
            parkUntil(System.nanoTime() + waitSeconds * 1_000_000_000L);
            deliver(webhook, signature, attempt + 1);
        }
    }

    private static long parseSeconds(String retryAfter) {
        try {
            return retryAfter == null ? 1 : Math.min(60, Math.max(0, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static void parkUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
    }

    /** Waits until every send, retries included, has an answer or gave up; false on timeout. */
    boolean awaitSent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(50);
        }
        return true;
    }

    /** Distinct webhooks (location, webhookId) answered 200 so far. */
    int acceptedCount() {
        return accepted.size();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
