package com.jorge.platform.worker.reengagement;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.reengagement.ReEngagementQueue;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.worker.inbound.ReEngagementMessage;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import com.jorge.platform.worker.reengagement.ReEngagementBatches.Batch;
import com.jorge.platform.worker.reengagement.ReEngagementBatches.BatchStatus;
import com.jorge.platform.worker.workflow.LeadWorkflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A re-engagement batch above the location's {@code reengage_more_than}: its one approval (the approval workflow,
 * kind {@code reengagement}, execution {@code ap-<batchId>}, so a redelivered start starts nothing new), and the
 * workflow's answer, decided once under the batch's lock: approved queues one {@code reengagement.send} per lead
 * still pending (a redelivered answer queues them again under the same deduplication ids, and each lead's claim
 * sends once beyond the queue's window); rejected or expired cancels every lead, so nothing is sent and no lead is
 * touched. Both answers are audited ({@code reengagement_decided}, no contact: the batch is the location's).
 */
public final class ReEngagementApprovals {

    private static final Logger log = LoggerFactory.getLogger(ReEngagementApprovals.class);

    private final Transactor db;
    private final ReEngagementBatches batches;
    private final LeadWorkflows workflows;
    private final ReEngagementQueue queue;
    private final AuditLog audit;
    private final PlatformMetrics metrics;
    private final Clock clock;

    /** @param queue null without LEAD_EVENTS_QUEUE_URL: an approved batch then fails its message (to be retried) */
    public ReEngagementApprovals(Transactor db, ReEngagementBatches batches, LeadWorkflows workflows,
                                 ReEngagementQueue queue, AuditLog audit, PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.batches = batches;
        this.workflows = workflows;
        this.queue = queue;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void start(ReEngagementMessage.StartApproval message) {
        Optional<Batch> waiting = db.inTransaction(c -> batches.lock(c, message.locationId(), message.batchId()))
                .filter(b -> b.status() == BatchStatus.AWAITING_APPROVAL);
        if (waiting.isEmpty()) {
            log.info("re-engagement approval start for a batch no longer waiting (or not this location's)");
            return;
        }
        Batch batch = waiting.get();
        if (!workflows.asksApprovals()) {
            // nobody can be asked here (no approval workflow or team lead): the batch expires unsent, never goes alone
            decide(new WorkflowMessage.ReEngagementDecided(new LeadRef(batch.locationId(), ReEngagementQueue.BATCH_CONTACT),
                    batch.batchId(), false, "expired", "no-approval-workflow"));
            return;
        }
        workflows.startApproval(new LeadRef(batch.locationId(), ReEngagementQueue.BATCH_CONTACT), batch.batchId(),
                ReEngagementQueue.KIND, summary(batch), batch.rules());
    }

    /** What the person reads in the inbox: how many leads; the texts are the bots' re-engagement templates. */
    static String summary(Batch batch) {
        return "Re-engage " + batch.leadCount() + " cold lead" + (batch.leadCount() == 1 ? "" : "s")
                + " with one text each (the bots' re-engagement text, seller or buyer, in the lead's language)";
    }

    public void decide(WorkflowMessage.ReEngagementDecided message) {
        String location = message.lead().locationId();
        record Outcome(Batch batch, List<LeadRef> queue, boolean decidedNow) {}
        Outcome outcome = db.inTransaction(c -> {
            Optional<Batch> found = batches.lock(c, location, message.batchId());
            if (found.isEmpty()) {
                log.warn("approval.decided for a re-engagement batch this location does not have");
                return new Outcome(null, List.of(), false);
            }
            Batch batch = found.get();
            switch (batch.status()) {
                case APPROVED -> { return new Outcome(batch, batches.pendingLeads(c, batch), false); } // a redelivery
                case QUEUED, REJECTED, EXPIRED -> { return new Outcome(batch, List.of(), false); }
                case AWAITING_APPROVAL -> { }
            }
            Instant now = clock.instant();
            BatchStatus status = message.approved() ? BatchStatus.APPROVED
                    : "expired".equals(message.decision()) ? BatchStatus.EXPIRED : BatchStatus.REJECTED;
            batches.decide(c, batch, status, message.decision(), now);
            List<LeadRef> leads = message.approved() ? batches.pendingLeads(c, batch) : List.of();
            int cancelled = message.approved() ? 0 : batches.cancelPending(c, batch, message.decision(), now);
            audit.record(c, location, null, "expired".equals(message.decision()) ? AuditLog.Actor.SYSTEM : AuditLog.Actor.HUMAN,
                    null, AuditedAction.REENGAGEMENT_DECIDED.code(), null, Map.of("batchId", batch.batchId(),
                            "decision", message.decision(), "leads", batch.leadCount(), "queued", leads.size(),
                            "cancelled", cancelled));
            return new Outcome(batch, leads, true);
        });
        if (outcome.decidedNow()) metrics.count(PlatformMetrics.APPROVAL_OUTCOMES, message.decision());
        if (outcome.queue().isEmpty()) return;
        if (queue == null) throw new IllegalStateException("LEAD_EVENTS_QUEUE_URL is not set: an approved batch cannot be queued");
        for (LeadRef lead : outcome.queue()) queue.send(outcome.batch().batchId(), lead);
        log.info("re-engagement batch approved: {} leads queued", outcome.queue().size());
    }
}
