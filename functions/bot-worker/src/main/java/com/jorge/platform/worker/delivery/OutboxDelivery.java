package com.jorge.platform.worker.delivery;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiException;
import com.jorge.platform.bots.compliance.PossibleOptOutHold;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.MessageRepository;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends what a decision left in the outbox: the replies (through the GHL Conversations API), then the
 * CRM actions. Each item is marked done as soon as GHL accepted it, so a retry after a failure sends
 * only what is still pending. A webhook is done when nothing of it is pending any more. Failures wait
 * for the outbox's own retry schedule, with backoff ({@link RedeliveryBackoff}).
 */
public final class OutboxDelivery {

    /** Probable opt-outs the bot held for a person: counted when their task reached GHL (no dimension: no lead data). */

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxRecords records;
    private final ReplySender replies;
    private final CrmActionExecutor crm;
    private final RedeliveryBackoff backoff;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public OutboxDelivery(OutboxRecords records, ReplySender replies, CrmActionExecutor crm,
                          RedeliveryBackoff backoff, PlatformMetrics metrics, Clock clock) {
        this.records = records;
        this.replies = replies;
        this.crm = crm;
        this.backoff = backoff;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reads what is still pending under an outbox id that a previous delivery did not finish. */
    public OutboxItems pendingFor(String locationId, String outboxId) {
        return records.pendingFor(locationId, outboxId, clock.instant());
    }

    /**
     * Delivers a decision's outbox right after it was committed. When the lead has older deliveries
     * waiting for the retry schedule, this one queues up behind them instead, so a lead's replies never
     * go out of order. A failure does not throw: the items stay pending and the outbox's own retry
     * schedule ({@link OutboxRedelivery}) delivers them, so a GHL outage never costs the queue message its
     * receive count, and a decided reply never ends in the DLQ.
     *
     * @param receivedAtMillis when intake accepted the webhook, for the reply-latency metric (0: unknown)
     */
    public void deliver(OutboxItems items, long receivedAtMillis) {
        if (items.isEmpty()) {
            markWebhookDone(items);
            return;
        }
        LeadRef lead = items.lead();
        Instant now = clock.instant();
        if (records.queueBehindWaiting(lead, items.outboxId(), now)) return; // the retry schedule sends it after the lead's earlier replies
        attempt(items, receivedAtMillis);
    }

    /**
     * Queues a decision's outbox behind the lead's deliveries that wait for the retry schedule, inside the
     * decision's transaction; false when none waits and the outbox goes out right after the commit.
     */
    public boolean queueBehindWaiting(Connection c, OutboxItems items, Instant now) throws SQLException {
        return records.queueBehindWaiting(c, items.lead(), items.outboxId(), now);
    }

    /**
     * Delivers a decision's outbox right after its commit, when the decision's transaction found nothing of
     * the lead's waiting ({@link #queueBehindWaiting}). A failure does not throw, as in {@link #deliver}.
     */
    public void deliverNow(OutboxItems items, long receivedAtMillis) {
        attempt(items, receivedAtMillis);
    }

    /**
     * Sends the replies, then the actions; each is marked done right after GHL accepted it (the last one
     * together with the webhook), so a failure leaves exactly the rest pending. Returns false when a
     * failure deferred the rest to the retry schedule.
     */
    boolean attempt(OutboxItems items, long receivedAtMillis) {
        try {
            send(items, receivedAtMillis);
            return true;
        } catch (RuntimeException e) {
            LeadRef lead = items.lead();
            String failure = failureName(e);
            Instant next = records.recordFailure(lead, items.outboxId(), failure,
                    attempts -> backoff.next(attempts, clock.instant(), e));
            if (next == null) throw e; // not a decided event (the local sweep's follow-up): its caller retries
            metrics.count(PlatformMetrics.OUTBOX_DEFERRED, failure, 1);
            log.warn("outbox delivery failed ({}); the outbox retries at {}", failure, next);
            return false;
        }
    }

    private void send(OutboxItems pending, long receivedAtMillis) {
        int remaining = pending.replies().size() + pending.actions().size();
        for (MessageRepository.PendingReply reply : pending.replies()) {
            boolean last = --remaining == 0;
            String ghlMessageId = replies.send(reply);
            records.replySent(reply, ghlMessageId, last ? pending.outboxId() : null);
            metrics.count(PlatformMetrics.REPLIES_SENT);
            if (receivedAtMillis > 0) {
                metrics.latency(PlatformMetrics.REPLY_LATENCY, Duration.ofMillis(clock.millis() - receivedAtMillis));
            }
        }
        for (CrmActionOutbox.PendingAction action : pending.actions()) {
            boolean last = --remaining == 0;
            crm.execute(action);
            records.actionDone(action, last ? pending.outboxId() : null);
            if (PossibleOptOutHold.isTask(action.action())) metrics.count(PlatformMetrics.POSSIBLE_OPT_OUT_HOLDS);
        }
    }

    /** What failed, for the retry record and the metric: an HTTP status or an exception type, never lead data. */
    private static String failureName(RuntimeException e) {
        if (e instanceof GhlApiException ghl) {
            if (ghl.rateLimited()) return "rate_limited";
            return ghl.status() == 0 ? "network" : Integer.toString(ghl.status());
        }
        return e.getClass().getSimpleName();
    }

    private void markWebhookDone(OutboxItems pending) {
        records.webhookDone(pending.locationId(), pending.outboxId());
    }

    /**
     * Sends replies that quiet hours held back and that are now due; returns how many went out. A reply
     * that fails stays due and is tried again on the next run; the others still go out.
     */
    public int deliverDueDeferred(int limit) {
        List<MessageRepository.PendingReply> due = records.dueHeldReplies(clock.instant(), limit);
        int sent = 0;
        for (MessageRepository.PendingReply reply : due) {
            try {
                String ghlMessageId = replies.sendHeld(reply);
                records.replySent(reply, ghlMessageId, null);
                metrics.count(PlatformMetrics.REPLIES_SENT);
                sent++;
            } catch (RuntimeException e) {
                metrics.count(PlatformMetrics.OUTBOX_DEFERRED, failureName(e), 1);
                log.warn("held reply not sent ({}); it stays due for the next run", failureName(e));
            }
        }
        return sent;
    }
}
