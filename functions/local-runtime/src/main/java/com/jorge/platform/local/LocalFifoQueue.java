package com.jorge.platform.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.queue.SqsLeadEventQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * SQS FIFO semantics in process, feeding the same worker handler Lambda would: per-group order with one
 * batch in flight per group, deduplication as lead-events.fifo does it (a deduplication id seen in the
 * same message group within 5 minutes is accepted and dropped; the queue's deduplication scope is the
 * message group, so the same webhookId from another location is a different message), batches of up to 10 handed over as
 * an {@link SQSEvent}, partial batch failures redelivered after a visibility delay, and a dead-letter
 * list after {@code maxReceives}. At most {@code concurrency} batches run at once, as the worker's
 * reserved concurrency caps Lambda: more would only queue up for database connections.
 */
public final class LocalFifoQueue implements LeadEventQueue, AutoCloseable {

    private record Envelope(String messageId, QueuedLeadEvent event, int receives) {}

    /** A message that failed {@code maxReceives} times, with the reason of its last failure. */
    public record DeadLetter(String messageId, QueuedLeadEvent event, String reason) {}

    /** The reason when the worker reported a message failed without logging why: it did not process it. */
    public static final String NOT_PROCESSED = "not processed: an earlier message of its lead failed in the same batch";

    /** SQS FIFO's deduplication interval. */
    public static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

    private record Sent(String groupId, String deduplicationId) {}

    private record Remembered(Sent sent, Instant until) {}

    private final Function<SQSEvent, SQSBatchResponse> consumer;
    private final Function<String, String> failureReasons;
    private final int maxReceives;
    private final Duration visibilityDelay;
    private final Map<String, Deque<Envelope>> groups = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<Sent, Instant> deduplicatedUntil = new HashMap<>();
    private final Deque<Remembered> deduplicationOrder = new ArrayDeque<>();
    private final Clock clock;
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final ExecutorService workers;
    private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private int pending;

    public LocalFifoQueue(Function<SQSEvent, SQSBatchResponse> consumer, int concurrency, int maxReceives,
                          Duration visibilityDelay) {
        this(consumer, concurrency, maxReceives, visibilityDelay, Clock.systemUTC(), id -> null);
    }

    /**
     * {@code clock} times the deduplication window only; {@code failureReasons} gives (and forgets) why the
     * consumer failed a message id, null when it does not know ({@link WorkerFailureReasons#take}).
     */
    public LocalFifoQueue(Function<SQSEvent, SQSBatchResponse> consumer, int concurrency, int maxReceives,
                          Duration visibilityDelay, Clock clock, Function<String, String> failureReasons) {
        this.consumer = consumer;
        this.failureReasons = failureReasons;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("local-bot-worker-", 0).daemon().factory());
        this.maxReceives = maxReceives;
        this.visibilityDelay = visibilityDelay;
    }

    @Override
    public synchronized void send(QueuedLeadEvent event) {
        if (isDuplicate(new Sent(event.groupId(), event.deduplicationId()))) return; // accepted, and dropped as SQS does
        groups.computeIfAbsent(event.groupId(), g -> new ArrayDeque<>())
                .addLast(new Envelope(UUID.randomUUID().toString(), event, 0));
        pending++;
        dispatch(event.groupId());
    }

    /** Remembers a new send for the window; SQS does not extend the window when a duplicate arrives. */
    private boolean isDuplicate(Sent sent) {
        Instant now = clock.instant();
        while (!deduplicationOrder.isEmpty() && !deduplicationOrder.peekFirst().until().isAfter(now)) {
            deduplicatedUntil.remove(deduplicationOrder.pollFirst().sent());
        }
        if (deduplicatedUntil.containsKey(sent)) return true;
        Instant until = now.plus(DEDUPLICATION_WINDOW);
        deduplicatedUntil.put(sent, until);
        deduplicationOrder.addLast(new Remembered(sent, until));
        return false;
    }

    private synchronized void dispatch(String group) {
        if (inFlight.contains(group)) return;
        Deque<Envelope> queue = groups.get(group);
        if (queue == null || queue.isEmpty()) return;
        List<Envelope> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < 10) batch.add(queue.pollFirst());
        inFlight.add(group);
        workers.submit(() -> deliver(group, batch));
    }

    private void deliver(String group, List<Envelope> batch) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Envelope e : batch) records.add(toSqsMessage(e));
        event.setRecords(records);
        Map<String, String> failed = new HashMap<>(); // message id -> why
        try {
            SQSBatchResponse response = consumer.apply(event);
            response.getBatchItemFailures().forEach(f -> {
                String why = failureReasons.apply(f.getItemIdentifier());
                failed.put(f.getItemIdentifier(), why == null ? NOT_PROCESSED : why);
            });
        } catch (RuntimeException e) { // a crashed invocation fails the whole batch
            batch.forEach(env -> failed.put(env.messageId(), "invocation failed: " + WorkerFailureReasons.describe(e)));
        }
        synchronized (this) {
            List<Envelope> retry = new ArrayList<>();
            for (Envelope env : batch) {
                String why = failed.get(env.messageId());
                if (why == null) {
                    pending--;
                } else if (env.receives() + 1 >= maxReceives) {
                    deadLetters.add(new DeadLetter(env.messageId(), env.event(), why));
                    pending--;
                } else {
                    retry.add(new Envelope(env.messageId(), env.event(), env.receives() + 1));
                }
            }
            Deque<Envelope> queue = groups.get(group);
            for (int i = retry.size() - 1; i >= 0; i--) queue.addFirst(retry.get(i)); // failed ones go first again
            if (retry.isEmpty()) {
                inFlight.remove(group);
                dispatch(group);
            } else {
                timer.schedule(() -> {
                    synchronized (this) {
                        inFlight.remove(group);
                        dispatch(group);
                    }
                }, visibilityDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            notifyAll();
        }
    }

    private static SQSEvent.SQSMessage toSqsMessage(Envelope e) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(e.messageId());
        m.setBody(e.event().body());
        m.setEventSource("local:lead-events.fifo");
        Map<String, String> attrs = new HashMap<>();
        attrs.put("MessageGroupId", e.event().groupId());
        attrs.put("MessageDeduplicationId", e.event().deduplicationId());
        attrs.put("ApproximateReceiveCount", Integer.toString(e.receives() + 1));
        m.setAttributes(attrs);
        Map<String, SQSEvent.MessageAttribute> messageAttrs = new HashMap<>();
        messageAttrs.put(SqsLeadEventQueue.EVENT_TYPE_ATTRIBUTE, attribute("String", e.event().eventType()));
        messageAttrs.put(SqsLeadEventQueue.RECEIVED_AT_ATTRIBUTE, attribute("Number", Long.toString(e.event().receivedAtMillis())));
        m.setMessageAttributes(messageAttrs);
        return m;
    }

    private static SQSEvent.MessageAttribute attribute(String type, String value) {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType(type);
        a.setStringValue(value);
        return a;
    }

    /** Waits until every accepted message was handled or dead-lettered; false on timeout. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Messages accepted and not yet handled or dead-lettered (waiting, in flight, or waiting for a retry). */
    public synchronized int depth() {
        return pending;
    }

    /** Worker threads handling a batch right now (at most the concurrency): all busy means batches wait for one. */
    public int busyWorkers() {
        return workers instanceof java.util.concurrent.ThreadPoolExecutor pool ? pool.getActiveCount() : -1;
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
