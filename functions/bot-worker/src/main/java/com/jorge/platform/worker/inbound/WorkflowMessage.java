package com.jorge.platform.worker.inbound;

import com.jorge.platform.conversation.LeadRef;

import java.time.Instant;
import java.util.List;

/**
 * What the Step Functions workflows put on the lead-events queue (step-functions/README.md, "Contracts"),
 * in the lead's message group, so it is handled in order with the lead's own texts.
 */
public sealed interface WorkflowMessage extends QueuedMessage {

    /** The queue's {@code eventType} attribute and the body's {@code type} of each kind. */
    String NURTURE_STEP = "nurture.step";
    String HANDOFF_ACCEPTED = "handoff.accepted";
    String HANDOFF_UNCLAIMED = "handoff.unclaimed";
    String APPROVAL_DECIDED = "approval.decided";

    LeadRef lead();

    String execution();

    /** The execution's name, the last part of its ARN: unique per workflow run. */
    default String executionName() {
        return execution().substring(execution().lastIndexOf(':') + 1);
    }

    /** lead-nurture asks for follow-up {@code step} of {@code steps}, and waits on {@code taskToken}. */
    record NurtureStep(LeadRef lead, int step, int steps, String taskToken, String execution, Instant quietSince)
            implements WorkflowMessage {}

    /** How a hot-lead hand-off ended. */
    sealed interface HandoffResult extends WorkflowMessage {}

    /** hot-lead-handoff: {@code agentId} took the lead. */
    record HandoffAccepted(LeadRef lead, String agentId, String execution) implements HandoffResult {}

    /** hot-lead-handoff: nobody took the lead, the team lead included. */
    record HandoffUnclaimed(LeadRef lead, List<String> agentsTried, String execution) implements HandoffResult {
        public HandoffUnclaimed { agentsTried = List.copyOf(agentsTried); }
    }

    /**
     * approval: a person decided on the held turn {@code actionId}, or nobody did by the deadline.
     *
     * @param approved true only for an explicit approval; a rejection or the deadline sends the safe fallback
     */
    record ApprovalDecided(LeadRef lead, String actionId, boolean approved, String decision, String execution)
            implements WorkflowMessage {}

    /**
     * approval ({@code kind} {@code reengagement}): a person decided on a held re-engagement batch, or nobody did by
     * the deadline. {@code lead} is the batch's own group ({@code <locationId>:reengagement}), no contact.
     *
     * @param approved true only for an explicit approval; anything else sends nothing
     */
    record ReEngagementDecided(LeadRef lead, String batchId, boolean approved, String decision, String execution)
            implements WorkflowMessage {}
}
