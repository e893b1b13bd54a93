package com.jorge.platform.worker.approvals;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import com.jorge.platform.worker.state.ConversationStore;
import com.jorge.platform.worker.state.InstallationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The approval workflow's answer for a held turn ({@code approval.decided}). Decided once, under the held
 * row's lock: approved releases the held replies and actions to the outbox; rejected or expired cancels
 * them and stores the safe fallback reply under the same outbox id. Either way the lead is checked again
 * first: a lead who opted out, went DND, was deleted or erased, or whom a person took over since, or of a
 * location that removed the app since, gets nothing. The outbox is then delivered; a redelivered answer only finishes that delivery, so each item
 * goes out once.
 */
public final class ApprovalOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ApprovalOutcomes.class);

    /** The safe fallback replies by the conversation's language ({@code en} when it has none of its own). */
    public record FallbackReplies(String english, String spanish) {
        public static final FallbackReplies DEFAULT = new FallbackReplies(
                "Thanks for your message! One of our agents will get back to you shortly.",
                "¡Gracias por tu mensaje! Uno de nuestros agentes te responderá en breve.");

        String in(String language) {
            return "es".equals(language) ? spanish : english;
        }
    }

    private final Transactor db;
    private final HeldActions held;
    private final ConversationStore store;
    private final ContactRepository contacts;
    private final InstallationStatus installations;
    private final MessageRepository messages;
    private final OutboxDelivery delivery;
    private final AuditLog audit;
    private final FallbackReplies fallback;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public ApprovalOutcomes(Transactor db, HeldActions held, ConversationStore store, ContactRepository contacts,
                            InstallationStatus installations, MessageRepository messages, OutboxDelivery delivery, AuditLog audit, FallbackReplies fallback,
                            PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.held = held;
        this.store = store;
        this.contacts = contacts;
        this.installations = installations;
        this.messages = messages;
        this.delivery = delivery;
        this.audit = audit;
        this.fallback = fallback;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void handle(WorkflowMessage.ApprovalDecided message) {
        LeadRef lead = message.lead();
        record Outcome(Optional<String> deliver, boolean decidedNow) {}
        Outcome outcome = db.inTransaction(c -> {
            Optional<HeldActions.Held> found = held.lock(c, lead, message.actionId());
            if (found.isEmpty()) {
                log.warn("approval.decided for an action this worker does not hold (erased, or another location's)");
                return new Outcome(Optional.empty(), false);
            }
            HeldTurn turn = found.get().turn();
            switch (found.get().status()) {
                case RELEASED, FELL_BACK -> { return new Outcome(Optional.of(turn.outboxId()), false); } // a redelivery
                case DROPPED -> { return new Outcome(Optional.empty(), false); }
                case AWAITING_APPROVAL -> { }
            }
            Instant now = clock.instant();
            ConversationState state = store.load(c, lead);
            String stop = installations.uninstalled(c, lead.locationId()) ? "app uninstalled"
                    : stopReason(state, contacts.find(c, lead).orElse(null), now);
            if (stop != null) {
                held.drop(c, turn, message.decision(), now);
                audit.record(c, lead, AuditLog.Actor.SYSTEM, AuditedAction.APPROVAL_DROPPED.code(),
                        Map.of("actionId", turn.actionId(), "decision", message.decision(), "reason", stop));
                return new Outcome(Optional.empty(), true);
            }
            if (message.approved()) {
                held.release(c, turn, message.decision(), now);
            } else {
                held.fallBack(c, turn, message.decision(), now);
                messages.addReplyDueNow(c, lead, fallback.in(state.language()), turn.outboxId());
            }
            audit.record(c, lead, message.decision().equals("expired") ? AuditLog.Actor.SYSTEM : AuditLog.Actor.HUMAN,
                    (message.approved() ? AuditedAction.APPROVAL_APPROVED : AuditedAction.APPROVAL_FELL_BACK).code(),
                    Map.of("actionId", turn.actionId(), "kind", turn.kind(), "decision", message.decision()));
            return new Outcome(Optional.of(turn.outboxId()), true);
        });
        if (outcome.decidedNow()) metrics.count(PlatformMetrics.APPROVAL_OUTCOMES, message.decision());
        outcome.deliver().ifPresent(outboxId -> delivery.deliver(delivery.pendingFor(lead.locationId(), outboxId), 0));
    }

    /** Why nothing may go to the lead any more, or null when it may. */
    private static String stopReason(ConversationState state, ContactRecord profile, Instant now) {
        if (profile == null) return "contact erased";
        if (profile.deleted()) return "contact deleted";
        if (state.optedOut()) return "lead opted out";
        if (profile.dnd()) return "contact is DND";
        if (state.pausedAt(now)) return "a human is handling the conversation";
        return null;
    }
}
