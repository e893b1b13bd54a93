package com.jorge.platform.worker.events;

import com.jorge.platform.bots.compliance.PossibleOptOutHold;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.observability.LogScrubber;
import com.jorge.platform.observability.PiiMask;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.worker.approvals.ApprovalGate;
import com.jorge.platform.worker.approvals.HeldTurn;
import com.jorge.platform.worker.delivery.OutboxItems;
import com.jorge.platform.worker.delivery.OutboxWriter;
import com.jorge.platform.worker.followup.NurtureSchedule;
import com.jorge.platform.worker.scoring.LeadScoreRecords;
import com.jorge.platform.worker.state.ConversationStore;
import com.jorge.platform.worker.state.LeadZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's text, answered by the bots: the message is recorded, the bot's turn decided (unless the lead
 * must not be answered: opted out, DND, deleted, with a human, or nothing to read), and the new state,
 * the replies and the CRM actions stored together for delivery, or held there for a person when the
 * location's approval policy asks for one ({@link ApprovalGate}).
 */
public final class InboundTurns {

    private static final Logger log = LoggerFactory.getLogger(InboundTurns.class);

    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final ConversationStore store;
    private final ConversationPolicy policy;
    private final LeadZones leadZones;
    private final OutboxWriter outbox;
    private final NurtureSchedule nurture;
    private final ApprovalGate approvals;
    private final AuditLog audit;
    private final Clock clock;
    private final LeadScoreRecords scores = new LeadScoreRecords();

    public InboundTurns(ContactRepository contacts, MessageRepository messages, ConversationStore store,
                        ConversationPolicy policy, LeadZones leadZones, OutboxWriter outbox, NurtureSchedule nurture,
                        ApprovalGate approvals, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.store = store;
        this.policy = policy;
        this.leadZones = leadZones;
        this.outbox = outbox;
        this.nurture = nurture;
        this.approvals = approvals;
        this.audit = audit;
        this.clock = clock;
    }

    public EventDecision.Decided decide(Connection c, LeadRef lead, GhlEvent.InboundMessage m) throws SQLException {
        String webhookId = m.meta().webhookId();
        contacts.ensureExists(c, lead);
        messages.recordInbound(c, lead, m.body(), m.messageType(), m.messageId(), webhookId);
        ConversationState state = store.load(c, lead);
        ContactRecord profile = store.profile(c, lead).orElse(null);
        Instant now = clock.instant();
        String silence = silenceReason(state, profile, m, now);
        if (silence != null) {
            audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.NOT_REPLIED.code(), Map.of("reason", silence));
            log.info("inbound message not answered: {}", silence);
            ConversationState heard = store.save(c, lead, state.withInbound(now));
            return EventDecision.Decided.nothingToSend(m, new EventDecision.CacheUpdate.Put(heard));
        }
        ConversationContext context = new ConversationContext(lead, profile == null ? null : profile.firstName(),
                state, leadZones.zoneOf(profile), now, profile == null ? null : profile.phone());
        BotTurn turn = policy.respond(context, new InboundText(m.messageId(), m.body(), m.messageType(),
                m.dateAdded() == null ? now : m.dateAdded()));
        Instant notBefore = turn.deferredAt(now) ? turn.notBefore() : null;
        ConversationState next = turn.nextState().withInbound(now)
                .withReply(turn.replies().isEmpty() ? turn.nextState().lastReplyAt() : now)
                .withVersion(state.version());
        boolean optedOutNow = next.optedOut() && !state.optedOut();
        if (optedOutNow) contacts.setDnd(c, lead, true); // GHL gets DND through the outbox
        List<CrmAction> actions = new ArrayList<>(turn.actions());
        nurture.after(lead, turn, next, now).ifPresent(actions::add);
        OutboxItems items = outbox.write(c, lead, webhookId, turn.replies(), notBefore, actions);
        Optional<HeldTurn> held = approvals.holdIfNeeded(c, lead, webhookId, turn, next, optedOutNow);
        audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.REPLIED.code(), Map.of(
                "stage", next.stage(), "temperature", next.temperature().name(),
                "replies", turn.replies().size(), "actions", turn.actions().size(),
                "deferredUntil", notBefore == null ? "" : notBefore.toString(),
                "heldBecause", notBefore == null || turn.heldBecause() == null ? "" : turn.heldBecause(),
                // the BI cost per conversation and objection outcomes read these (bi-aggregator)
                "llmInputTokens", turn.llmUsage().inputTokens(), "llmOutputTokens", turn.llmUsage().outputTokens(),
                "objection", turn.objection() == null ? "" : turn.objection(),
                "experiments", turn.experiments()));
        if (rescored(state, next)) {
            List<String> reasons = auditedReasons(next.temperatureReasons());
            scores.record(c, lead, now, next, reasons);
            audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.LEAD_SCORED.code(), Map.of(
                    "temperature", next.temperature().name(), "previousTemperature", state.temperature().name(),
                    "reasons", reasons, "stage", next.stage(),
                    "modelVersion", LeadScoreRecords.modelVersion(next).orElse("")));
        }
        log.info("bot turn: stage={} temperature={} replies={} actions={} for {}", next.stage(),
                next.temperature(), turn.replies().size(), turn.actions().size(),
                PiiMask.name(profile == null ? null : profile.firstName()));
        if (next.pausedAt(now) && !state.pausedAt(now)) {
            // the bot paused itself (a probable opt-out it did not confirm): audited as a person's pause is, with why
            audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.BOT_PAUSED.code(), Map.of("until", next.pausedUntil().toString(),
                    "reason", turn.actions().stream().anyMatch(PossibleOptOutHold::isTask) ? PossibleOptOutHold.REASON : "bot"));
        }
        ConversationState stored = store.save(c, lead, next);
        EventDecision.CacheUpdate cache = optedOutNow ? new EventDecision.CacheUpdate.EvictThenPut(stored)
                : new EventDecision.CacheUpdate.Put(stored);
        return held.map(h -> EventDecision.Decided.heldForApproval(cache, h))
                .orElseGet(() -> new EventDecision.Decided(cache, items));
    }

    /** The turn scored the lead anew: its temperature or the reasons behind it changed (a turn that kept them scored nothing). */
    static boolean rescored(ConversationState before, ConversationState after) {
        return after.temperature() != before.temperature() || !after.temperatureReasons().equals(before.temperatureReasons());
    }

    /**
     * The scorer's reasons as the audit keeps them: they are the scorer's own phrases and codes (points, a closed
     * vocabulary, the model's name), never the lead's words, and still pass the log scrubber (an e-mail or a phone a
     * future scorer might quote is masked) and a bound, as the entry outlives an erasure.
     */
    static List<String> auditedReasons(List<String> reasons) {
        return reasons.stream().limit(MAX_AUDITED_REASONS).map(LogScrubber::scrub)
                .map(r -> r.length() > MAX_REASON_CHARS ? r.substring(0, MAX_REASON_CHARS) + LogScrubber.REMOVED : r).toList();
    }

    private static final int MAX_AUDITED_REASONS = 24;
    private static final int MAX_REASON_CHARS = 160;

    /** Why the bot must not answer this message, or null when it may. */
    private static String silenceReason(ConversationState state, ContactRecord profile, GhlEvent.InboundMessage m,
                                        Instant now) {
        if (profile != null && profile.deleted()) return "contact deleted";
        if (state.optedOut()) return "lead opted out";
        if (profile != null && profile.dnd()) return "contact is DND";
        if (state.pausedAt(now)) return "a human is handling the conversation";
        if (m.body() == null || m.body().isBlank()) return "no text to answer (call, voicemail or attachment)";
        return null;
    }
}
