package com.jorge.platform.worker.delivery;

import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.MessageRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores what a decision will send, inside the decision's transaction: the replies (held until
 * {@code notBefore} when the lead's quiet hours are on) and the CRM actions, under one outbox id. What it
 * returns is what {@link OutboxDelivery} sends once the transaction committed.
 */
public final class OutboxWriter {

    private final MessageRepository messages;
    private final CrmActionOutbox actions;

    public OutboxWriter(MessageRepository messages, CrmActionOutbox actions) {
        this.messages = messages;
        this.actions = actions;
    }

    /** @param notBefore null when the replies may go out now */
    public OutboxItems write(Connection c, LeadRef lead, String outboxId, List<String> replies, Instant notBefore,
                             List<CrmAction> crmActions) throws SQLException {
        List<MessageRepository.PendingReply> due = new ArrayList<>();
        for (String reply : replies) {
            if (notBefore == null) {
                // sent from memory right after the commit: the in-memory copy carries no send mark, the row does
                due.add(new MessageRepository.PendingReply(messages.addReplyDueNow(c, lead, reply, outboxId), lead, reply));
            } else {
                messages.addPendingReply(c, lead, reply, outboxId, notBefore);
            }
        }
        List<CrmActionOutbox.PendingAction> pending = new ArrayList<>();
        for (CrmAction action : crmActions) pending.add(actions.add(c, lead, outboxId, action));
        return new OutboxItems(lead.locationId(), outboxId, due, pending);
    }
}
