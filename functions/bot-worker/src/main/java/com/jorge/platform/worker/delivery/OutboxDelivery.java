package com.jorge.platform.worker.delivery;

import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends what a decision left in the outbox: the replies (through the GHL Conversations API), then the
 * CRM actions. Each item is marked done as soon as GHL accepted it, so a retry after a failure sends
 * only what is still pending. A webhook is done when nothing of it is pending any more.
 */
public final class OutboxDelivery {

    private final Transactor db;
    private final MessageRepository messages;
    private final CrmActionOutbox actions;
    private final WebhookEventRepository webhooks;
    private final GhlApiClient ghl;
    private final CrmActionExecutor crm;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public OutboxDelivery(Transactor db, MessageRepository messages, CrmActionOutbox actions,
                          WebhookEventRepository webhooks, GhlApiClient ghl, CrmActionExecutor crm,
                          PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.messages = messages;
        this.actions = actions;
        this.webhooks = webhooks;
        this.ghl = ghl;
        this.crm = crm;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reads what is still pending under an outbox id that a previous delivery did not finish. */
    public OutboxItems pendingFor(String locationId, String outboxId) {
        return db.inTransaction(c -> new OutboxItems(locationId, outboxId,
                messages.pendingReplies(c, locationId, outboxId, clock.instant()),
                actions.pending(c, locationId, outboxId)));
    }

    /**
     * Delivers the replies, then the actions; each is marked done right after GHL accepted it (the last
     * one together with the webhook), so a failure leaves exactly the rest pending for the queue's next
     * delivery.
     *
     * @param receivedAtMillis when intake accepted the webhook, for the reply-latency metric
     */
    public void deliver(OutboxItems pending, long receivedAtMillis) {
        String locationId = pending.locationId();
        int remaining = pending.replies().size() + pending.actions().size();
        if (remaining == 0) {
            markWebhookDone(pending);
            return;
        }
        for (MessageRepository.PendingReply reply : pending.replies()) {
            boolean last = --remaining == 0;
            String ghlMessageId = ghl.sendSms(reply.lead(), reply.body());
            db.inTransaction(c -> {
                messages.markSent(c, locationId, reply.id(), ghlMessageId);
                if (last) webhooks.markDone(c, locationId, pending.outboxId());
                return null;
            });
            metrics.count(PlatformMetrics.REPLIES_SENT);
            if (receivedAtMillis > 0) {
                metrics.latency(PlatformMetrics.REPLY_LATENCY, Duration.ofMillis(clock.millis() - receivedAtMillis));
            }
        }
        for (CrmActionOutbox.PendingAction action : pending.actions()) {
            boolean last = --remaining == 0;
            crm.execute(action);
            db.inTransaction(c -> {
                actions.markDone(c, locationId, action.id());
                if (last) webhooks.markDone(c, locationId, pending.outboxId());
                return null;
            });
        }
    }

    private void markWebhookDone(OutboxItems pending) {
        db.inTransaction(c -> {
            webhooks.markDone(c, pending.locationId(), pending.outboxId());
            return null;
        });
    }

    /** Sends replies that quiet hours held back and that are now due; returns how many went out. */
    public int deliverDueDeferred(int limit) {
        List<MessageRepository.PendingReply> due = db.inTransaction(c -> messages.dueDeferredReplies(c, clock.instant(), limit));
        due.forEach(this::sendDeferred);
        return due.size();
    }

    private void sendDeferred(MessageRepository.PendingReply reply) {
        String ghlMessageId = ghl.sendSms(reply.lead(), reply.body());
        db.inTransaction(c -> {
            messages.markSent(c, reply.lead().locationId(), reply.id(), ghlMessageId);
            return null;
        });
        metrics.count(PlatformMetrics.REPLIES_SENT);
    }
}
