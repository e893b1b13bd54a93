package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.worker.state.ConversationStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * GHL's contact events: the contact's profile is kept, DND switched on in GHL opts the lead out of the
 * bots, a deleted contact is never texted again. Nothing is sent.
 */
public final class ContactRecords {

    private final ContactRepository contacts;
    private final AuditLog audit;
    private final ConversationStore store;

    public ContactRecords(ContactRepository contacts, AuditLog audit, ConversationStore store) {
        this.contacts = contacts;
        this.audit = audit;
        this.store = store;
    }

    /**
     * A created contact that has not talked yet (a form, ad or portal lead, created in GHL before its first text)
     * gets the keys its first turn reads written after the commit ({@code NewLeadWarming}); any other change drops
     * the lead's hot copy.
     */
    public EventDecision.Decided changed(Connection c, LeadRef lead, GhlEvent.ContactChanged e) throws SQLException {
        contacts.upsert(c, e);
        if (e.dnd()) return evicted(e, optOut(c, lead, "contact marked DND in GHL"));
        if (e.change() == GhlEvent.ContactChange.CREATED) {
            Optional<ConversationStore.NewLead> first = store.newLead(c, lead);
            if (first.isPresent()) {
                return EventDecision.Decided.nothingToSend(e, new EventDecision.CacheUpdate.WarmNewLead(first.get()));
            }
        }
        return evicted(e, null);
    }

    public EventDecision.Decided dndChanged(Connection c, LeadRef lead, GhlEvent.ContactDndChanged e) throws SQLException {
        contacts.setDnd(c, lead, e.dnd());
        return evicted(e, e.dnd() ? optOut(c, lead, "DND switched on in GHL") : null);
    }

    public EventDecision.Decided deleted(Connection c, LeadRef lead, GhlEvent.ContactDeleted e) throws SQLException {
        contacts.markDeleted(c, lead);
        audit.record(c, lead, AuditLog.Actor.GHL, AuditedAction.CONTACT_DELETED.code(), Map.of());
        return evicted(e, null);
    }

    /** The opted-out state to store, or null when the lead had opted out already. */
    private ConversationState optOut(Connection c, LeadRef lead, String reason) throws SQLException {
        ConversationState state = store.load(c, lead);
        if (state.optedOut()) return null;
        audit.record(c, lead, AuditLog.Actor.GHL, AuditedAction.OPTED_OUT.code(), Map.of("reason", reason));
        return store.save(c, lead, state.withOptedOut());
    }

    private static EventDecision.Decided evicted(GhlEvent event, ConversationState optedOut) {
        EventDecision.CacheUpdate cache = optedOut == null ? new EventDecision.CacheUpdate.Evict()
                : new EventDecision.CacheUpdate.EvictThenPut(optedOut);
        return EventDecision.Decided.nothingToSend(event, cache);
    }
}
