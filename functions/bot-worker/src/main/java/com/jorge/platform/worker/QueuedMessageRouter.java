package com.jorge.platform.worker;

import com.jorge.platform.observability.CorrelationIds;
import com.jorge.platform.worker.approvals.ApprovalOutcomes;
import com.jorge.platform.worker.events.LeadEventProcessor;
import com.jorge.platform.worker.followup.NurtureSteps;
import com.jorge.platform.worker.handoff.HandoffResults;
import com.jorge.platform.worker.inbound.QueuedMessage;
import com.jorge.platform.worker.inbound.QueuedMessageReader;
import com.jorge.platform.worker.inbound.ReEngagementMessage;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import com.jorge.platform.worker.reengagement.ReEngagementApprovals;
import com.jorge.platform.worker.reengagement.ReEngagementSends;

/**
 * The worker's one door: a message from the lead-events queue is read once ({@link QueuedMessageReader})
 * and handed to the part that handles its kind: GHL events to {@link LeadEventProcessor}, the lead
 * workflows' messages to {@link NurtureSteps}, {@link HandoffResults} and {@link ApprovalOutcomes} (a re-engagement
 * batch's answer to {@link ReEngagementApprovals}), a bulk re-engagement's to {@link ReEngagementSends} and
 * {@link ReEngagementApprovals}. Each runs under the message's correlation ids.
 */
public final class QueuedMessageRouter {

    private final QueuedMessageReader reader;
    private final LeadEventProcessor ghlEvents;
    private final NurtureSteps nurtureSteps;
    private final HandoffResults handoffResults;
    private final ApprovalOutcomes approvalOutcomes;
    private final ReEngagementSends reEngagementSends;
    private final ReEngagementApprovals reEngagementApprovals;

    public QueuedMessageRouter(QueuedMessageReader reader, LeadEventProcessor ghlEvents, NurtureSteps nurtureSteps,
                               HandoffResults handoffResults, ApprovalOutcomes approvalOutcomes,
                               ReEngagementSends reEngagementSends, ReEngagementApprovals reEngagementApprovals) {
        this.reader = reader;
        this.ghlEvents = ghlEvents;
        this.nurtureSteps = nurtureSteps;
        this.handoffResults = handoffResults;
        this.approvalOutcomes = approvalOutcomes;
        this.reEngagementSends = reEngagementSends;
        this.reEngagementApprovals = reEngagementApprovals;
    }

    /**
     * Handles one queued body; throws to have the queue deliver it again.
     *
     * @param eventType the message's {@code eventType} attribute, null when it has none
     */
    public void process(String body, String eventType, long receivedAtMillis) {
        QueuedMessage message = reader.read(body, eventType, receivedAtMillis);
        switch (message) {
            case QueuedMessage.GhlEventMessage event -> {
                var meta = event.event().meta();
                try (CorrelationIds ignored = CorrelationIds.open(meta.webhookId(), meta.locationId(),
                        event.event().contactId())) {
                    ghlEvents.process(event);
                }
            }
            case QueuedMessage.UnhandledGhlEvent unhandled -> { } // intake answered it "ignored"; nothing to do
            case WorkflowMessage workflow -> {
                try (CorrelationIds ignored = CorrelationIds.open(workflow.execution(), workflow.lead().locationId(),
                        workflow.lead().contactId())) {
                    switch (workflow) {
                        case WorkflowMessage.NurtureStep step -> nurtureSteps.handle(step, body);
                        case WorkflowMessage.HandoffResult result -> handoffResults.handle(result, body);
                        case WorkflowMessage.ApprovalDecided decided -> approvalOutcomes.handle(decided);
                        case WorkflowMessage.ReEngagementDecided decided -> reEngagementApprovals.decide(decided);
                    }
                }
            }
            case ReEngagementMessage.Send send -> {
                try (CorrelationIds ignored = CorrelationIds.open("reengage-" + send.batchId(), send.lead().locationId(),
                        send.lead().contactId())) {
                    reEngagementSends.handle(send);
                }
            }
            case ReEngagementMessage.StartApproval start -> {
                try (CorrelationIds ignored = CorrelationIds.open("reengage-" + start.batchId(), start.locationId(), null)) {
                    reEngagementApprovals.start(start);
                }
            }
        }
    }

    /** As above, for a message without an {@code eventType} attribute (tests, hand-made messages). */
    public void process(String body, long receivedAtMillis) {
        process(body, null, receivedAtMillis);
    }
}
