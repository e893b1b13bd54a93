package com.jorge.platform.worker.delivery;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.MessageRepository;

import java.util.List;

/**
 * What one decision left in the outbox to deliver now: replies due now (replies held for quiet hours
 * wait for the due-replies schedule) and CRM actions, stored under {@code outboxId} (the webhookId, or
 * a workflow step's key).
 */
public record OutboxItems(String locationId, String outboxId, List<MessageRepository.PendingReply> replies,
                          List<CrmActionOutbox.PendingAction> actions) {

    public OutboxItems {
        replies = List.copyOf(replies);
        actions = List.copyOf(actions);
    }

    public static OutboxItems none(String locationId, String outboxId) {
        return new OutboxItems(locationId, outboxId, List.of(), List.of());
    }

    public boolean isEmpty() {
        return replies.isEmpty() && actions.isEmpty();
    }

    /** The lead the items are for (an outbox id belongs to one lead); not for an empty outbox. */
    public LeadRef lead() {
        if (!replies.isEmpty()) return replies.getFirst().lead();
        if (!actions.isEmpty()) return actions.getFirst().lead();
        throw new IllegalStateException("an empty outbox belongs to no lead");
    }
}
