package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.worker.state.ConversationStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Outbound texts GHL reports: a person on the team texting the lead takes the conversation over, and the
 * bot pauses for that lead ({@code BOT_HUMAN_PAUSE_MINUTES}, or longer when the lead was already taken
 * over for longer); the bot's own replies echoed back and
 * workflow or campaign sends change nothing.
 */
public final class HumanReplies {

    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final AuditLog audit;
    private final ConversationStore store;
    private final Duration humanPause;
    private final Clock clock;

    public HumanReplies(ContactRepository contacts, MessageRepository messages, AuditLog audit,
                        ConversationStore store, Duration humanPause, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.audit = audit;
        this.store = store;
        this.humanPause = humanPause;
        this.clock = clock;
    }

    public EventDecision.Decided decide(Connection c, LeadRef lead, GhlEvent.OutboundMessage m) throws SQLException {
        EventDecision.CacheUpdate keep = new EventDecision.CacheUpdate.Keep();
        // our own reply echoed back; a workflow or campaign send does not take the conversation over
        if (messages.sentByBot(c, lead.locationId(), m.messageId()) || !m.sentByHuman()) {
            return EventDecision.Decided.nothingToSend(m, keep);
        }
        contacts.ensureExists(c, lead);
        messages.recordHumanOutbound(c, lead, m.body(), m.messageType(), m.messageId(), m.meta().webhookId());
        ConversationState state = store.load(c, lead);
        // a longer pause stands: an agent's explicit take-over in the inbox lasts until they give the lead back
        Instant until = later(state.pausedUntil(), clock.instant().plus(humanPause));
        audit.record(c, lead, AuditLog.Actor.HUMAN, AuditedAction.BOT_PAUSED.code(), Map.of("until", until.toString()));
        ConversationState paused = store.save(c, lead, state.withPausedUntil(until));
        return EventDecision.Decided.nothingToSend(m, new EventDecision.CacheUpdate.Put(paused));
    }

    private static Instant later(Instant current, Instant proposed) {
        return current != null && current.isAfter(proposed) ? current : proposed;
    }
}
