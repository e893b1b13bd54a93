package com.jorge.platform.worker.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.queue.SqsLeadEventQueue;
import com.jorge.platform.worker.QueuedMessageRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * λ bot-worker on the SQS FIFO queue, with ReportBatchItemFailures. A message that fails is reported
 * alone, so the rest of the batch is not redelivered; later messages of the same lead (message group)
 * in the batch are reported too, without being processed, so one lead's messages never overtake each
 * other. After the queue's maxReceiveCount a message lands in the DLQ ({@link DlqReplayHandler}).
 */
public final class BotWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(BotWorkerHandler.class);

    private final QueuedMessageRouter messages;
    private final PlatformMetrics metrics;
    private final LambdaInvocation invocation;

    public BotWorkerHandler() {
        this(new EmfMetrics());
    }

    private BotWorkerHandler(EmfMetrics metrics) {
        this(WorkerFunction.fromEnvironment(metrics).messages(), metrics);
    }

    public BotWorkerHandler(QueuedMessageRouter messages, PlatformMetrics metrics) {
        this.messages = messages;
        this.metrics = metrics;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return invocation.run(context, () -> processBatch(event));
    }

    private SQSBatchResponse processBatch(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String group = message.getAttributes() == null ? null : message.getAttributes().get("MessageGroupId");
            if (group != null && failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                messages.process(message.getBody(), eventType(message), receivedAt(message));
            } catch (Throwable e) { // an Error (a stack overflow in one lead's turn) fails that message, not the batch
                metrics.count(PlatformMetrics.EVENTS_FAILED); // one series to alarm on; the log line names the error
                log.error("event failed and will be retried (message {}, group {})", message.getMessageId(), group, e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (group != null) failedGroups.add(group);
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static String eventType(SQSEvent.SQSMessage message) {
        var attrs = message.getMessageAttributes();
        SQSEvent.MessageAttribute a = attrs == null ? null : attrs.get(SqsLeadEventQueue.EVENT_TYPE_ATTRIBUTE);
        return a == null ? null : a.getStringValue();
    }

    private static long receivedAt(SQSEvent.SQSMessage message) {
        var attrs = message.getMessageAttributes();
        if (attrs == null) return 0;
        SQSEvent.MessageAttribute a = attrs.get(SqsLeadEventQueue.RECEIVED_AT_ATTRIBUTE);
        if (a == null || a.getStringValue() == null) return 0;
        try {
            return Long.parseLong(a.getStringValue());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
