package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.MessageRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a follow-up turn inside the caller's transaction: its replies in the outbox under
 * {@code outboxId} (held until {@code notBefore} in quiet hours), the new state, and the audit line.
 * The sweep and the lead-nurture workflow's steps both write follow-ups through it.
 */
public final class FollowUpWriter {

    public record Stored(OutboxDelivery.Pending pending, ConversationState state) {}

    private final MessageRepository messages;
    private final AuditLog audit;
    private final ConversationStore store;

    public FollowUpWriter(MessageRepository messages, AuditLog audit, ConversationStore store) {
        this.messages = messages;
        this.audit = audit;
        this.store = store;
    }

    public Stored write(Connection c, LeadRef lead, BotTurn turn, String outboxId, Instant now, Map<String, Object> auditDetails)
            throws SQLException {
        Instant notBefore = turn.deferredAt(now) ? turn.notBefore() : null;
        List<MessageRepository.PendingReply> due = new ArrayList<>();
        for (String reply : turn.replies()) {
            long id = messages.addPendingReply(c, lead, reply, outboxId, notBefore);
            if (notBefore == null) due.add(new MessageRepository.PendingReply(id, lead, reply));
        }
        ConversationState saved = store.save(c, lead, turn.nextState());
        Map<String, Object> details = new HashMap<>(auditDetails);
        details.put("stage", saved.stage());
        details.put("deferredUntil", notBefore == null ? "" : notBefore.toString());
        audit.record(c, lead, AuditLog.Actor.BOT, "follow_up", details);
        return new Stored(new OutboxDelivery.Pending(lead.locationId(), outboxId, due, List.of()), saved);
    }
}
