package com.jorge.platform.worker.approvals;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.workflow.LeadWorkflows;

import java.time.Clock;

/**
 * Starts the approval workflow for a held turn once its decision committed, then finishes the event. A
 * start that fails leaves the event decided: the queue delivers it again and {@link #resume} starts it
 * (the execution is named by the action id, so a start that did reach Step Functions is not repeated).
 */
public final class ApprovalStarts {

    private final Transactor db;
    private final HeldActions held;
    private final WebhookEventRepository webhooks;
    private final LeadWorkflows workflows;
    private final Clock clock;

    public ApprovalStarts(Transactor db, HeldActions held, WebhookEventRepository webhooks, LeadWorkflows workflows,
                          Clock clock) {
        this.db = db;
        this.held = held;
        this.webhooks = webhooks;
        this.workflows = workflows;
        this.clock = clock;
    }

    public void start(HeldTurn turn) {
        workflows.startApproval(turn.lead(), turn.actionId(), turn.kind(), turn.summary(), turn.rules());
        db.inTransaction(c -> {
            held.started(c, turn, clock.instant());
            webhooks.markDone(c, turn.lead().locationId(), turn.outboxId());
            return null;
        });
    }

    /** A redelivered event: starts the approval its first delivery held but could not start; false when none is owed. */
    public boolean resume(LeadRef lead, String outboxId) {
        var owed = db.inTransaction(c -> held.unstarted(c, lead.locationId(), outboxId));
        owed.ifPresent(this::start);
        return owed.isPresent();
    }
}
