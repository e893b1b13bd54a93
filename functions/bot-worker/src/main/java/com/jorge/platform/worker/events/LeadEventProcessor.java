package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.ConcurrentUpdateException;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.approvals.ApprovalStarts;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.inbound.QueuedMessage;
import com.jorge.platform.worker.state.ConversationStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Handles one queued GHL event for one lead, exactly once in effect. The webhookId is claimed and the
 * decision (state, inbound message, replies and CRM actions to carry out) stored in one transaction
 * ({@link LeadEventDecisions} decides); the outbox is then delivered. A redelivery finds the webhook
 * claimed and only finishes the delivery; a finished one is skipped. A turn held for a person's approval
 * has nothing to deliver: its approval workflow is started after the commit (and by a redelivery when
 * that start failed), which finishes the event.
 */
public final class LeadEventProcessor {

    private final Transactor db;
    private final WebhookEventRepository webhooks;
    private final LeadEventDecisions decisions;
    private final ConversationStore store;
    private final OutboxDelivery delivery;
    private final ApprovalStarts approvals;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public LeadEventProcessor(Transactor db, WebhookEventRepository webhooks, LeadEventDecisions decisions,
                              ConversationStore store, OutboxDelivery delivery, ApprovalStarts approvals,
                              PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.webhooks = webhooks;
        this.decisions = decisions;
        this.store = store;
        this.delivery = delivery;
        this.approvals = approvals;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Processes one event as queued by intake; throws to have the queue deliver it again. */
    public void process(QueuedMessage.GhlEventMessage message) {
        GhlEvent event = message.event();
        LeadRef lead = new LeadRef(event.meta().locationId(), event.contactId());
        long receivedAt = message.receivedAtMillis();
        if (receivedAt > 0) {
            metrics.latency(PlatformMetrics.QUEUE_AGE, Duration.ofMillis(Math.max(0, clock.millis() - receivedAt)));
        }
        EventDecision decision;
        try {
            decision = decide(event, lead, message.body());
        } catch (ConcurrentUpdateException e) {
            store.evict(lead); // the hot copy was stale; the retry reads Aurora
            throw e;
        }
        switch (decision) {
            case EventDecision.ClaimedBefore claimed -> {
                String webhookId = event.meta().webhookId();
                Optional<WebhookEventRepository.Status> status =
                        db.inTransaction(c -> webhooks.status(c, lead.locationId(), webhookId));
                if (status.isPresent() && status.get() == WebhookEventRepository.Status.DONE) {
                    metrics.count(PlatformMetrics.EVENTS_ALREADY_DONE);
                    return;
                }
                if (approvals.resume(lead, webhookId)) return; // held: nothing of it is pending
                delivery.deliver(delivery.pendingFor(lead.locationId(), webhookId), receivedAt);
            }
            case EventDecision.Decided decided -> {
                updateCache(lead, decided.cache());
                if (decided.held() != null) approvals.start(decided.held());
                if (!decided.outbox().isEmpty() && !decided.waitsBehind()) delivery.deliverNow(decided.outbox(), receivedAt);
            }
        }
        metrics.count(PlatformMetrics.EVENTS_PROCESSED, event.meta().type());
    }

    /**
     * Claims the webhook and stores the decision in one transaction; an event with nothing to send is finished
     * there, and an outbox that must wait behind the lead's earlier deliveries is queued there.
     */
    private EventDecision decide(GhlEvent event, LeadRef lead, String body) {
        String webhookId = event.meta().webhookId();
        return db.inTransaction(c -> {
            if (!webhooks.claim(c, lead.locationId(), webhookId, event.meta().type(), lead.contactId(), body,
                    event.meta().timestamp(), WebhookEventRepository.Status.DECIDED)) {
                return new EventDecision.ClaimedBefore();
            }
            EventDecision.Decided decided = decisions.decide(c, lead, event);
            if (decided.outbox().isEmpty() && decided.held() == null) {
                webhooks.markDone(c, lead.locationId(), webhookId);
            } else if (!decided.outbox().isEmpty() && delivery.queueBehindWaiting(c, decided.outbox(), clock.instant())) {
                return decided.waitingBehind(); // decided in the same transaction: no second one before the send
            }
            return decided;
        });
    }

    private void updateCache(LeadRef lead, EventDecision.CacheUpdate update) {
        switch (update) {
            case EventDecision.CacheUpdate.Keep keep -> { }
            case EventDecision.CacheUpdate.Put put -> store.cacheAfterCommit(lead, put.state());
            case EventDecision.CacheUpdate.Evict evict -> store.evict(lead);
            case EventDecision.CacheUpdate.WarmNewLead warm -> store.warmNewLead(lead, warm.first());
            case EventDecision.CacheUpdate.EvictThenPut both -> {
                store.evict(lead);
                store.cacheAfterCommit(lead, both.state());
            }
        }
    }
}
