package com.jorge.platform.perf.faults;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What Lambda's SQS event source mapping does for the worker, on a real SQS endpoint: long-polls batches
 * of up to 10, hands each over as an {@link SQSEvent}, deletes the messages the handler did not report
 * failed, and leaves the failed ones for the queue to deliver again after its visibility timeout (and to
 * move to its DLQ after maxReceiveCount). Nothing is deleted before the handler returns, so a process
 * killed mid-batch leaves its messages to reappear.
 */
final class SqsEventSource implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;
    private final Function<SQSEvent, SQSBatchResponse> handler;
    private final Consumer<String> failed;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    /** {@code failed} hears each message id the handler reported failed. */
    SqsEventSource(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler, Consumer<String> failed) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
        this.failed = failed;
    }

    void start(int concurrency) {
        for (int i = 0; i < concurrency; i++) pollers.add(Thread.ofPlatform().name("sqs-poller-" + i).start(this::poll));
    }

    private void poll() {
        while (running) {
            try {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
                if (!batch.isEmpty()) handle(batch);
            } catch (RuntimeException e) {
                if (running) pause(); // the endpoint is away for a moment: poll again, as Lambda's poller does
            }
        }
    }

    private void handle(List<Message> batch) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(SqsEventSource::toRecord).toList());
        Set<String> failures = new HashSet<>();
        try {
            handler.apply(event).getBatchItemFailures().forEach(f -> failures.add(f.getItemIdentifier()));
        } catch (RuntimeException e) {
            batch.forEach(m -> failures.add(m.messageId())); // a crashed invocation fails the whole batch
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : batch) {
            if (failures.contains(m.messageId())) {
                failed.accept(m.messageId());
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
    }

    private static SQSEvent.SQSMessage toRecord(Message m) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setReceiptHandle(m.receiptHandle());
        r.setBody(m.body());
        r.setEventSource("aws:sqs");
        Map<String, String> attributes = new HashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        r.setAttributes(attributes);
        Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
        for (Map.Entry<String, MessageAttributeValue> e : m.messageAttributes().entrySet()) {
            SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
            a.setDataType(e.getValue().dataType());
            a.setStringValue(e.getValue().stringValue());
            messageAttributes.put(e.getKey(), a);
        }
        r.setMessageAttributes(messageAttributes);
        return r;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops receiving and lets the batches in hand finish (up to 3 s each): a graceful stop, unlike SIGKILL. */
    @Override
    public void close() {
        running = false;
        for (Thread t : pollers) {
            try {
                t.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
