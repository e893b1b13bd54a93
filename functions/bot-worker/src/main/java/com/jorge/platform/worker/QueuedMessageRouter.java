package com.jorge.platform.worker;

import com.jorge.platform.observability.CorrelationIds;
import com.jorge.platform.worker.workflow.HandoffResultHandler;
import com.jorge.platform.worker.workflow.NurtureStepHandler;
import com.jorge.platform.worker.workflow.WorkflowMessage;
import com.jorge.platform.worker.workflow.WorkflowMessageParser;

/**
 * The lead-events queue carries GHL events (from intake) and the workflows' messages (from Step
 * Functions), in the same per-contact order: each goes to its handler here.
 */
public final class QueuedMessageRouter {

    private final WorkflowMessageParser workflowMessages;
    private final LeadEventProcessor ghlEvents;
    private final NurtureStepHandler nurtureSteps;
    private final HandoffResultHandler handoffResults;

    public QueuedMessageRouter(WorkflowMessageParser workflowMessages, LeadEventProcessor ghlEvents,
                               NurtureStepHandler nurtureSteps, HandoffResultHandler handoffResults) {
        this.workflowMessages = workflowMessages;
        this.ghlEvents = ghlEvents;
        this.nurtureSteps = nurtureSteps;
        this.handoffResults = handoffResults;
    }

    /** Handles one queued body; throws to have the queue deliver it again. */
    public void process(String body, long receivedAtMillis) {
        WorkflowMessage message = workflowMessages.parse(body).orElse(null);
        if (message == null) {
            ghlEvents.process(body, receivedAtMillis);
            return;
        }
        try (CorrelationIds ignored = CorrelationIds.open(message.execution(), message.lead().locationId(),
                message.lead().contactId())) {
            switch (message) {
                case WorkflowMessage.NurtureStep step -> nurtureSteps.handle(step, body);
                case WorkflowMessage.HandoffResult result -> handoffResults.handle(result, body);
            }
        }
    }
}
