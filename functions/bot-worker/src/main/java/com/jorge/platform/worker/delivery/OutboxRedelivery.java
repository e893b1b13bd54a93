package com.jorge.platform.worker.delivery;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outbox's own retry schedule (every minute in AWS, with the due replies): decided events whose
 * delivery failed are delivered again once due, lead by lead, each lead's in the order its events
 * arrived; a lead's first failure stops that lead until its next due time. Each run also reports how
 * long the oldest waiting delivery has waited ({@code OutboxOldestWaitingMs}), which ops alarm on.
 */
public final class OutboxRedelivery {

    private final Transactor db;
    private final WebhookEventRepository webhooks;
    private final OutboxDelivery delivery;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public OutboxRedelivery(Transactor db, WebhookEventRepository webhooks, OutboxDelivery delivery,
                            PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Delivers what is due, for at most {@code limit} waiting deliveries' leads; returns how many were delivered. */
    public int run(int limit) {
        Instant now = clock.instant();
        Set<LeadRef> leads = new LinkedHashSet<>();
        db.inTransaction(c -> webhooks.dueDeliveries(c, now, limit))
                .forEach(w -> leads.add(new LeadRef(w.locationId(), w.contactId())));
        int delivered = 0;
        for (LeadRef lead : leads) delivered += deliverInOrder(lead);
        Duration oldest = db.inTransaction(webhooks::oldestWaiting)
                .map(since -> Duration.between(since, clock.instant())).orElse(Duration.ZERO);
        metrics.latency(PlatformMetrics.OUTBOX_OLDEST_WAITING, oldest.isNegative() ? Duration.ZERO : oldest);
        return delivered;
    }

    private int deliverInOrder(LeadRef lead) {
        List<WebhookEventRepository.WaitingDelivery> waiting =
                db.inTransaction(c -> webhooks.waitingDeliveries(c, lead.locationId(), lead.contactId()));
        int delivered = 0;
        for (WebhookEventRepository.WaitingDelivery w : waiting) {
            OutboxItems items = delivery.pendingFor(w.locationId(), w.webhookId());
            if (items.isEmpty()) { // everything went out meanwhile (a queue redelivery finished it)
                delivery.deliver(items, 0);
                continue;
            }
            if (!delivery.attempt(items, 0)) break; // deferred again: the lead's later deliveries wait behind it
            metrics.count(PlatformMetrics.OUTBOX_REDELIVERED);
            delivered++;
        }
        return delivered;
    }
}
