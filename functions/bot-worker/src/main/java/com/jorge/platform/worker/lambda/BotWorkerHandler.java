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
import com.jorge.platform.worker.inbound.QueuedMessageReader.UnreadableMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * λ bot-worker on the SQS FIFO queue, with ReportBatchItemFailures. A message that fails is reported
 * alone, so the rest of the batch is not redelivered; later messages of the same lead (message group)
 * in the batch are reported too, without being processed, so one lead's messages never overtake each
 * other. After the queue's maxReceiveCount a message lands in the DLQ ({@link DlqReplayHandler}). A record that
 * cannot be read (not JSON, a GHL event or workflow message that breaks its contract) is acknowledged and
 * dropped with its reason (a log line and {@code QueueMessagesDropped}): no retry would ever read it.
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
            } catch (UnreadableMessageException e) {
                // the same bytes fail the same way on every receive: retrying only fills the DLQ and holds the lead back
                drop(message, group, e);
            } catch (Throwable e) { // an Error (a stack overflow in one lead's turn) fails that message, not the batch
                metrics.count(PlatformMetrics.EVENTS_FAILED); // one series to alarm on; the log line names the error
                log.error("event failed and will be retried (message {}, group {})", message.getMessageId(), group, e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (group != null) failedGroups.add(group);
            }
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Acknowledges a record that cannot be read, with one structured line (the reason, the field when it is one of
     * the contract's own names, the SQS message id and group: never the body, which may hold a lead's text) and
     * the {@code QueueMessagesDropped} metric by reason.
     */
    private void drop(SQSEvent.SQSMessage message, String group, UnreadableMessageException e) {
        metrics.count(PlatformMetrics.QUEUE_MESSAGES_DROPPED, e.reason());
        try (MDC.MDCCloseable a = MDC.putCloseable("dropReason", e.reason());
             MDC.MDCCloseable b = MDC.putCloseable("dropField", knownField(e.field()));
             MDC.MDCCloseable c = MDC.putCloseable("sqsMessageId", message.getMessageId())) {
            log.warn("unreadable message dropped, not retried: {} field={} (message {}, group {})", e.reason(),
                    knownField(e.field()), message.getMessageId(), group);
        }
    }

    /** A field path may carry a key the sender chose (a name, an e-mail): only the contracts' own names are logged. */
    static String knownField(String field) {
        return field != null && LOGGED_FIELDS.contains(field) ? field : "other";
    }

    private static final Set<String> LOGGED_FIELDS = Set.of("$", "type", "locationId", "contactId", "webhookId", "timestamp",
            "body", "messageType", "messageId", "conversationId", "dateAdded", "userId", "id", "status", "pipelineId",
            "pipelineStageId", "monetaryValue", "calendarId", "appointmentStatus", "startTime", "endTime", "dnd",
            "execution", "step", "steps", "taskToken", "quietSince", "agentId", "agentsTried", "actionId", "decision");

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
