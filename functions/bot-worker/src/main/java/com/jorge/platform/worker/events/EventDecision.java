package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.worker.delivery.OutboxItems;

/** What claiming and deciding one GHL event came to, inside one transaction. */
public sealed interface EventDecision {

    /** An earlier delivery of the same webhookId claimed it: finish what that delivery left, if anything. */
    record ClaimedBefore() implements EventDecision {}

    /**
     * Decided now. An empty outbox means the event was finished in the same transaction.
     *
     * @param cache what the hot copy in Redis needs once the transaction committed
     */
    record Decided(CacheUpdate cache, OutboxItems outbox) implements EventDecision {
        /** Record-keeping: finished in the claiming transaction. */
        public static Decided nothingToSend(GhlEvent event, CacheUpdate cache) {
            return new Decided(cache, OutboxItems.none(event.meta().locationId(), event.meta().webhookId()));
        }
    }

    /** The Redis copy of the lead after a committed decision (Aurora is the system of record). */
    sealed interface CacheUpdate {
        /** Nothing the cache holds changed. */
        record Keep() implements CacheUpdate {}

        /** The conversation changed: write it through. */
        record Put(ConversationState state) implements CacheUpdate {}

        /** The lead changed outside the bot (a GHL contact update or deletion): drop the hot copy. */
        record Evict() implements CacheUpdate {}

        /** Both: the contact changed in GHL and the conversation with it (DND turned into an opt-out). */
        record EvictThenPut(ConversationState state) implements CacheUpdate {}
    }
}
