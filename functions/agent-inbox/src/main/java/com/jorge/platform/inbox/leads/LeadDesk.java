package com.jorge.platform.inbox.leads;

import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.offers.OfferRepository;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead as the inbox shows it, and the human pause set explicitly: "take over" pauses the bot for this
 * lead until given back; "give back" lets it answer again. The pause is the conversation's
 * {@code paused_until} in Aurora, the one the worker checks before every reply; the worker's Redis copy
 * is dropped after the change commits, and a worker that read the old copy meanwhile fails its
 * optimistic save and reads Aurora again, so no bot reply slips past a take-over.
 */
public final class LeadDesk {

    private final Transactor db;
    private final LeadAccess access;
    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final OfferRepository offers;
    private final AuditLog audit;
    private final LeadCache cache;
    private final Clock clock;

    /** {@code cache} may be null (a platform without Redis). */
    public LeadDesk(Transactor db, LeadAccess access, ConversationRepository conversations, ContactRepository contacts,
                    MessageRepository messages, OfferRepository offers, AuditLog audit, LeadCache cache, Clock clock) {
        this.db = db;
        this.access = access;
        this.conversations = conversations;
        this.contacts = contacts;
        this.messages = messages;
        this.offers = offers;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    public LeadConversation view(Caller caller, LeadRef lead) {
        return db.inTransaction(c -> {
            access.check(c, caller, lead, LeadAccess.Intent.READ);
            ConversationState state = conversations.find(c, lead).orElseThrow(() -> AccessDenied.notFound("lead"));
            String firstName = contacts.find(c, lead).map(ContactRecord::firstName).orElse(null);
            List<MessageRepository.StoredMessage> history = messages.history(c, lead);
            List<MessageRepository.StoredMessage> recent = history.subList(Math.max(0, history.size() - 200), history.size());
            return LeadConversation.of(lead, firstName, state, clock.instant(), recent, offers.forLead(c, lead));
        });
    }

    public LeadConversation takeOver(Caller caller, LeadRef lead) {
        return pause(caller, lead, ConversationState.UNTIL_GIVEN_BACK, "bot_paused");
    }

    public LeadConversation giveBack(Caller caller, LeadRef lead) {
        return pause(caller, lead, null, "bot_resumed");
    }

    private LeadConversation pause(Caller caller, LeadRef lead, Instant until, String action) {
        db.inTransaction(c -> {
            access.check(c, caller, lead, LeadAccess.Intent.STEER);
            ConversationState state = conversations.find(c, lead).orElseThrow(() -> AccessDenied.notFound("lead"));
            conversations.save(c, lead, state.withPausedUntil(until));
            audit.record(c, lead, AuditLog.Actor.HUMAN, action, Map.of("by", caller.subject(), "via", "inbox",
                    "until", until == null ? "" : until.toString()));
            return null;
        });
        evict(lead);
        return view(caller, lead);
    }

    private void evict(LeadRef lead) {
        if (cache == null) return;
        try {
            cache.evict(lead);
        } catch (CacheUnavailableException e) {
            // the worker's cached copy carries the old version: its save fails and it reads Aurora
        }
    }
}
