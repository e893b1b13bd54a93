package com.jorge.platform.worker.delivery;

import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the outbox keeps in Aurora while {@link OutboxDelivery} sends: the items still pending, each item
 * marked done once GHL accepted it (the webhook too with its last item) together with its audit entry,
 * and the retry schedule. Every method is one transaction, except one that takes the caller's connection.
 */
public final class OutboxRecords {

    private final Transactor db;
    private final MessageRepository messages;
    private final CrmActionOutbox actions;
    private final WebhookEventRepository webhooks;
    private final AuditLog audit;

    public OutboxRecords(Transactor db, MessageRepository messages, CrmActionOutbox actions,
                         WebhookEventRepository webhooks, AuditLog audit) {
        this.db = db;
        this.messages = messages;
        this.actions = actions;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    OutboxItems pendingFor(String locationId, String outboxId, Instant now) {
        return db.inTransaction(c -> new OutboxItems(locationId, outboxId,
                messages.pendingReplies(c, locationId, outboxId, now), actions.pending(c, locationId, outboxId)));
    }

    /**
     * Queues the outbox behind the lead's deliveries that wait for the retry schedule; false when none waits.
     * Its replies lose the send mark they were stored with: none of them was tried, so the retry schedule
     * sends them without first looking them up in GHL.
     */
    boolean queueBehindWaiting(LeadRef lead, String outboxId, Instant now) {
        return db.inTransaction(c -> queueBehindWaiting(c, lead, outboxId, now));
    }

    /** The same, inside the caller's transaction (the decision's). */
    boolean queueBehindWaiting(Connection c, LeadRef lead, String outboxId, Instant now) throws SQLException {
        boolean queued = webhooks.hasWaitingDelivery(c, lead.locationId(), lead.contactId())
                && webhooks.scheduleDelivery(c, lead.locationId(), lead.contactId(), outboxId, now, false);
        if (queued) messages.clearSendMarks(c, lead.locationId(), outboxId);
        return queued;
    }

    /** Counts a failed attempt and asks {@code nextAt} when to try again; null when the outbox is no decided event. */
    Instant recordFailure(LeadRef lead, String outboxId, String failure, java.util.function.IntFunction<Instant> nextAt) {
        return db.inTransaction(c -> {
            int attempts = webhooks.recordFailedAttempt(c, lead.locationId(), outboxId, failure);
            if (attempts < 0) return null;
            Instant at = nextAt.apply(attempts);
            webhooks.scheduleDelivery(c, lead.locationId(), lead.contactId(), outboxId, at, true);
            return at;
        });
    }

    /** GHL took the reply: sent, audited as {@code message_sent} (ids only), and the webhook done if it was the last item. */
    void replySent(MessageRepository.PendingReply reply, String ghlMessageId, String outboxIdIfLast) {
        db.inTransaction(c -> {
            LeadRef lead = reply.lead();
            messages.markSent(c, lead.locationId(), reply.id(), ghlMessageId);
            audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.MESSAGE_SENT.code(),
                    ghlMessageId == null ? Map.of("messageId", reply.id()) : Map.of("messageId", reply.id(), "ghlMessageId", ghlMessageId));
            if (outboxIdIfLast != null) webhooks.markDone(c, lead.locationId(), outboxIdIfLast);
            return null;
        });
    }

    /** GHL carried out the CRM action: done, audited as {@code crm_action} with its kind, and the webhook done if last. */
    void actionDone(CrmActionOutbox.PendingAction action, String outboxIdIfLast) {
        db.inTransaction(c -> {
            LeadRef lead = action.lead();
            actions.markDone(c, lead.locationId(), action.id());
            audit.record(c, lead.locationId(), lead.contactId(), AuditLog.Actor.BOT, null, AuditedAction.CRM_ACTION.code(),
                    action.action().getClass().getSimpleName(), Map.of("actionId", action.id(),
                            "kind", auditKind(action.action())));
            if (outboxIdIfLast != null) webhooks.markDone(c, lead.locationId(), outboxIdIfLast);
            return null;
        });
    }

    /**
     * The kind the audit entry names: the approval policy's own for a listing appointment
     * ({@code listing_appointment}, so its "never done for this contact" rule sees the first one), the
     * action's type for everything else (what the policy names them by, too).
     */
    static String auditKind(CrmAction action) {
        return action instanceof CrmAction.BookAppointment b && b.purpose() == AppointmentPurpose.LISTING
                ? new ProposedAction.ListingAppointment(null).kind() : action.getClass().getSimpleName();
    }

    void webhookDone(String locationId, String outboxId) {
        db.inTransaction(c -> {
            webhooks.markDone(c, locationId, outboxId);
            return null;
        });
    }

    List<MessageRepository.PendingReply> dueHeldReplies(Instant now, int limit) {
        return db.inTransaction(c -> messages.dueDeferredReplies(c, now, limit));
    }
}
