package com.jorge.platform.worker.followup;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.worker.delivery.OutboxItems;
import com.jorge.platform.worker.delivery.OutboxWriter;
import com.jorge.platform.worker.state.ConversationStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a follow-up turn inside the caller's transaction: its replies in the outbox under
 * {@code outboxId} (held until {@code notBefore} in quiet hours), the new state, and the audit line.
 * The lead-nurture workflow's steps, the local runtime's sweep and the bulk re-engagement write through it.
 */
public final class FollowUpWriter {

    public record Stored(OutboxItems pending, ConversationState state) {}

    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final ConversationStore store;

    public FollowUpWriter(OutboxWriter outbox, AuditLog audit, ConversationStore store) {
        this.outbox = outbox;
        this.audit = audit;
        this.store = store;
    }

    public Stored write(Connection c, LeadRef lead, BotTurn turn, String outboxId, Instant now, Map<String, Object> auditDetails)
            throws SQLException {
        return write(c, lead, turn, outboxId, now, auditDetails, AuditedAction.FOLLOW_UP);
    }

    /** The same, audited as {@code action} (a bulk re-engagement's text is {@link AuditedAction#REENGAGED}). */
    public Stored write(Connection c, LeadRef lead, BotTurn turn, String outboxId, Instant now, Map<String, Object> auditDetails,
                        AuditedAction action) throws SQLException {
        Instant notBefore = turn.deferredAt(now) ? turn.notBefore() : null;
        OutboxItems due = outbox.write(c, lead, outboxId, turn.replies(), notBefore, List.of());
        ConversationState saved = store.save(c, lead, turn.nextState());
        Map<String, Object> details = new HashMap<>(auditDetails);
        details.put("stage", saved.stage());
        details.put("deferredUntil", notBefore == null ? "" : notBefore.toString());
        details.put("heldBecause", notBefore == null || turn.heldBecause() == null ? "" : turn.heldBecause());
        details.put("llmInputTokens", turn.llmUsage().inputTokens());
        details.put("llmOutputTokens", turn.llmUsage().outputTokens());
        details.put("experiments", turn.experiments());
        audit.record(c, lead, AuditLog.Actor.BOT, action.code(), details);
        return new Stored(due, saved);
    }

    /** Once the follow-up's transaction committed: the hot copy follows Aurora. */
    public void cacheAfterCommit(LeadRef lead, Stored stored) {
        store.cacheAfterCommit(lead, stored.state());
    }
}
