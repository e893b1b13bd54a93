package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.worker.approvals.HeldTurn;
import com.jorge.platform.worker.delivery.OutboxItems;
import com.jorge.platform.worker.state.ConversationStore;

/** What claiming and deciding one GHL event came to, inside one transaction. */
public sealed interface EventDecision {

    /** An earlier delivery of the same webhookId claimed it: finish what that delivery left, if anything. */
    record ClaimedBefore() implements EventDecision {}

    /**
     * Decided now. An empty outbox means the event was finished in the same transaction.
     *
     * @param cache       what the hot copy in Redis needs once the transaction committed
     * @param waitsBehind the outbox was queued behind the lead's deliveries still waiting for GHL, in the
     *                    same transaction, so it is not sent right after the commit
     * @param held        the turn waits for a person (its outbox is then empty): the approval workflow is
     *                    started after the commit; null when nothing waits
     */
    record Decided(CacheUpdate cache, OutboxItems outbox, boolean waitsBehind, HeldTurn held) implements EventDecision {

        /** @param outbox what to deliver right after the commit */
        public Decided(CacheUpdate cache, OutboxItems outbox) {
            this(cache, outbox, false, null);
        }

        /** The turn's outbox waits for a person's approval. */
        public static Decided heldForApproval(CacheUpdate cache, HeldTurn held) {
            return new Decided(cache, OutboxItems.none(held.lead().locationId(), held.outboxId()), false, held);
        }

        /** Record-keeping: finished in the claiming transaction. */
        public static Decided nothingToSend(GhlEvent event, CacheUpdate cache) {
            return new Decided(cache, OutboxItems.none(event.meta().locationId(), event.meta().webhookId()));
        }

        /** The outbox waits behind the lead's earlier deliveries: the retry schedule sends it after them. */
        public Decided waitingBehind() {
            return new Decided(cache, outbox, true, held);
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

        /** GHL created the contact before the lead wrote: write the keys its first turn reads (NewLeadWarming). */
        record WarmNewLead(ConversationStore.NewLead first) implements CacheUpdate {}
    }
}
