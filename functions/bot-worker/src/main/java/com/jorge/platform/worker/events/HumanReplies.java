package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.storage.AuditLog;
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
 * bot pauses for that lead ({@code BOT_HUMAN_PAUSE_MINUTES}); the bot's own replies echoed back and
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
        Instant until = clock.instant().plus(humanPause);
        audit.record(c, lead, AuditLog.Actor.HUMAN, "bot_paused", Map.of("until", until.toString()));
        ConversationState paused = store.save(c, lead, state.withPausedUntil(until));
        return EventDecision.Decided.nothingToSend(m, new EventDecision.CacheUpdate.Put(paused));
    }
}
