package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.ghl.events.ParsedWebhook;
import com.jorge.platform.observability.CorrelationIds;
import com.jorge.platform.observability.PiiMask;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ConcurrentUpdateException;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.worker.outcomes.LeadOutcomeRecorder;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.workflow.LeadWorkflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles one queued GHL event for one lead, exactly once in effect. The decision (state, inbound
 * message, replies and CRM actions to carry out) is stored in one transaction, keyed by the webhookId;
 * the outbox is then delivered. A redelivery finds the webhook already decided and only finishes the
 * delivery; a finished one is skipped.
 */
public final class LeadEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(LeadEventProcessor.class);

    private final GhlEventParser parser;
    private final Transactor db;
    private final WebhookEventRepository webhooks;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final OpportunityRepository opportunities;
    private final CrmActionOutbox outbox;
    private final AuditLog audit;
    private final ConversationStore store;
    private final ConversationPolicy policy;
    private final OutboxDelivery delivery;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final Duration humanPause;
    private final LeadZones leadZones;
    private final FollowUpPolicy followUps;
    private final LeadWorkflows workflows;
    private final LeadOutcomeRecorder outcomes;

    public LeadEventProcessor(GhlEventParser parser, Transactor db, WebhookEventRepository webhooks,
                              ContactRepository contacts, MessageRepository messages,
                              OpportunityRepository opportunities, CrmActionOutbox outbox, AuditLog audit,
                              ConversationStore store, ConversationPolicy policy, OutboxDelivery delivery,
                              PlatformMetrics metrics, Clock clock, Duration humanPause, LeadZones leadZones,
                              FollowUpPolicy followUps, LeadWorkflows workflows, LeadOutcomeRecorder outcomes) {
        this.followUps = followUps;
        this.outcomes = outcomes;
        this.workflows = workflows;
        this.parser = parser;
        this.db = db;
        this.webhooks = webhooks;
        this.contacts = contacts;
        this.messages = messages;
        this.opportunities = opportunities;
        this.outbox = outbox;
        this.audit = audit;
        this.store = store;
        this.policy = policy;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
        this.humanPause = humanPause;
        this.leadZones = leadZones;
    }

    /** Processes one event body as queued by intake; throws to have the queue deliver it again. */
    public void process(String body, long receivedAtMillis) {
        if (!(parser.parse(body) instanceof ParsedWebhook.Known known)) return;
        GhlEvent event = known.event();
        LeadRef lead = new LeadRef(event.meta().locationId(), event.contactId());
        String webhookId = event.meta().webhookId();
        try (CorrelationIds ignored = CorrelationIds.open(webhookId, lead.locationId(), lead.contactId())) {
            if (receivedAtMillis > 0) {
                metrics.latency(PlatformMetrics.QUEUE_AGE, Duration.ofMillis(Math.max(0, clock.millis() - receivedAtMillis)));
            }
            OutboxDelivery.Pending pending;
            try {
                pending = decide(event, lead, body);
            } catch (ConcurrentUpdateException e) {
                store.evict(lead); // the hot copy was stale; the retry reads Aurora
                throw e;
            }
            if (pending == null) { // delivered before: finish what is left, if anything
                Optional<WebhookEventRepository.Status> status =
                        db.inTransaction(c -> webhooks.status(c, lead.locationId(), webhookId));
                if (status.isPresent() && status.get() == WebhookEventRepository.Status.DONE) {
                    metrics.count(PlatformMetrics.EVENTS_ALREADY_DONE);
                    return;
                }
                delivery.deliver(delivery.pendingFor(lead.locationId(), webhookId), receivedAtMillis);
            } else if (!pending.isEmpty()) { // an empty decision was finished in its own transaction
                delivery.deliver(pending, receivedAtMillis);
            }
            metrics.count(PlatformMetrics.EVENTS_PROCESSED, event.meta().type());
        }
    }

    /** What the decision stored; the inbound handler fills the outbox lists. */
    private record Decision(ConversationState state, OutboxDelivery.Pending pending) {}

    /**
     * Claims the webhook and stores the decision in one transaction; returns what is left to deliver, or
     * null when an earlier delivery already claimed it.
     */
    private OutboxDelivery.Pending decide(GhlEvent event, LeadRef lead, String body) {
        String webhookId = event.meta().webhookId();
        OutboxDelivery.Pending nothing = new OutboxDelivery.Pending(lead.locationId(), webhookId, List.of(), List.of());
        Decision decision = db.inTransaction(c -> {
            if (!webhooks.claim(c, lead.locationId(), webhookId, event.meta().type(), lead.contactId(), body,
                    event.meta().timestamp(), WebhookEventRepository.Status.DECIDED)) {
                return null;
            }
            Decision d = switch (event) {
                case GhlEvent.InboundMessage m -> onInbound(c, lead, m);
                case GhlEvent.OutboundMessage m -> new Decision(onOutbound(c, lead, m), nothing);
                case GhlEvent.ContactChanged e -> {
                    contacts.upsert(c, e);
                    yield new Decision(e.dnd() ? optOut(c, lead, "contact marked DND in GHL") : null, nothing);
                }
                case GhlEvent.ContactDndChanged e -> {
                    contacts.setDnd(c, lead, e.dnd());
                    yield new Decision(e.dnd() ? optOut(c, lead, "DND switched on in GHL") : null, nothing);
                }
                case GhlEvent.ContactDeleted e -> {
                    contacts.markDeleted(c, lead);
                    audit.record(c, lead, AuditLog.Actor.GHL, "contact_deleted", Map.of());
                    yield new Decision(null, nothing);
                }
                case GhlEvent.OpportunityChanged e -> {
                    opportunities.upsert(c, e);
                    recordOutcome(c, lead, e);
                    yield new Decision(null, nothing);
                }
                case GhlEvent.AppointmentCreated e -> {
                    opportunities.upsertAppointment(c, e);
                    audit.record(c, lead, AuditLog.Actor.GHL, "appointment_booked", Map.of("appointmentId", e.appointmentId()));
                    yield new Decision(null, nothing);
                }
            };
            // nothing to send: finished in the same transaction
            if (d.pending().isEmpty()) webhooks.markDone(c, lead.locationId(), webhookId);
            return d;
        });
        if (decision == null) return null;
        switch (event) {
            case GhlEvent.ContactChanged e -> store.evict(lead);
            case GhlEvent.ContactDeleted e -> store.evict(lead);
            case GhlEvent.ContactDndChanged e -> store.evict(lead);
            default -> { }
        }
        if (decision.state() != null) store.cacheAfterCommit(lead, decision.state());
        return decision.pending();
    }

    /** A won or lost deal becomes a training row for the lead score; see {@link LeadOutcomeRecorder}. */
    private void recordOutcome(Connection c, LeadRef lead, GhlEvent.OpportunityChanged deal) throws SQLException {
        if (deal.status() == null) return;
        var result = outcomes.onDeal(c, lead, deal, store.load(c, lead), clock.instant());
        switch (result) {
            case LeadOutcomeRecorder.Result.Recorded r -> {
                String outcome = r.converted() ? "won" : "lost";
                metrics.count(PlatformMetrics.LEAD_OUTCOMES, outcome);
                audit.record(c, lead, AuditLog.Actor.GHL, "lead_outcome_recorded",
                        Map.of("opportunityId", deal.opportunityId(), "outcome", outcome));
            }
            case LeadOutcomeRecorder.Result.Withdrawn w -> {
                metrics.count(PlatformMetrics.LEAD_OUTCOMES, "reopened");
                audit.record(c, lead, AuditLog.Actor.GHL, "lead_outcome_withdrawn",
                        Map.of("opportunityId", deal.opportunityId()));
            }
            case LeadOutcomeRecorder.Result.KeptEarlierWin k -> log.info("deal {} {}: the lead's earlier won deal stays its outcome",
                    deal.opportunityId(), deal.status());
            case LeadOutcomeRecorder.Result.NoConversation n -> log.info("deal {} {}: no bot conversation, no outcome recorded",
                    deal.opportunityId(), deal.status());
            case LeadOutcomeRecorder.Result.Undecided u -> { }
        }
    }

    private Decision onInbound(Connection c, LeadRef lead, GhlEvent.InboundMessage m) throws SQLException {
        String webhookId = m.meta().webhookId();
        contacts.ensureExists(c, lead);
        messages.recordInbound(c, lead, m.body(), m.messageType(), m.messageId(), webhookId);
        ConversationState state = store.load(c, lead);
        ContactRecord profile = store.profile(c, lead).orElse(null);
        Instant now = clock.instant();
        String silence = silenceReason(state, profile, m, now);
        if (silence != null) {
            audit.record(c, lead, AuditLog.Actor.BOT, "not_replied", Map.of("reason", silence));
            log.info("inbound message not answered: {}", silence);
            return new Decision(store.save(c, lead, withInbound(state, now)),
                    new OutboxDelivery.Pending(lead.locationId(), webhookId, List.of(), List.of()));
        }
        ConversationContext context = new ConversationContext(lead, profile == null ? null : profile.firstName(),
                state, leadZones.zoneOf(profile), now);
        BotTurn turn = policy.respond(context, new InboundText(m.messageId(), m.body(), m.messageType(),
                m.dateAdded() == null ? now : m.dateAdded()));
        Instant notBefore = turn.deferredAt(now) ? turn.notBefore() : null;
        List<MessageRepository.PendingReply> dueReplies = new ArrayList<>();
        for (String reply : turn.replies()) {
            long id = messages.addPendingReply(c, lead, reply, webhookId, notBefore);
            if (notBefore == null) dueReplies.add(new MessageRepository.PendingReply(id, lead, reply));
        }
        List<CrmActionOutbox.PendingAction> actions = new ArrayList<>();
        for (CrmAction action : turn.actions()) actions.add(outbox.add(c, lead, webhookId, action));
        ConversationState next = turn.nextState();
        ConversationState toStore = new ConversationState(next.botType(), next.stage(), next.language(), next.facts(),
                next.turns(), next.temperature(), next.temperatureReasons(), next.optedOut(), next.pausedUntil(),
                now, turn.replies().isEmpty() ? next.lastReplyAt() : now, state.version());
        if (workflows.keepsFollowUpSchedule() && !turn.replies().isEmpty() && followUps.mayFollowUp(toStore, now)) {
            // the lead has the bot's question: lead-nurture follows them up if they go quiet, and stops when they answer
            List<Long> waits = followUps.waits(toStore).stream().map(Duration::toSeconds).toList();
            actions.add(outbox.add(c, lead, webhookId, new CrmAction.ScheduleFollowUps(now, waits)));
        }
        audit.record(c, lead, AuditLog.Actor.BOT, "replied", Map.of(
                "stage", toStore.stage(), "temperature", toStore.temperature().name(),
                "replies", turn.replies().size(), "actions", turn.actions().size(),
                "deferredUntil", notBefore == null ? "" : notBefore.toString()));
        log.info("bot turn: stage={} temperature={} replies={} actions={} for {}", toStore.stage(),
                toStore.temperature(), turn.replies().size(), turn.actions().size(),
                PiiMask.name(profile == null ? null : profile.firstName()));
        return new Decision(store.save(c, lead, toStore),
                new OutboxDelivery.Pending(lead.locationId(), webhookId, dueReplies, actions));
    }

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

    private ConversationState onOutbound(Connection c, LeadRef lead, GhlEvent.OutboundMessage m) throws SQLException {
        if (messages.sentByBot(c, lead.locationId(), m.messageId())) return null; // our own reply echoed back
        if (!m.sentByHuman()) return null; // workflow or campaign sends do not take the conversation over
        contacts.ensureExists(c, lead);
        messages.recordHumanOutbound(c, lead, m.body(), m.messageType(), m.messageId(), m.meta().webhookId());
        ConversationState state = store.load(c, lead);
        Instant until = clock.instant().plus(humanPause);
        audit.record(c, lead, AuditLog.Actor.HUMAN, "bot_paused", Map.of("until", until.toString()));
        return store.save(c, lead, state.withPausedUntil(until));
    }

    private ConversationState optOut(Connection c, LeadRef lead, String reason) throws SQLException {
        ConversationState state = store.load(c, lead);
        if (state.optedOut()) return null;
        audit.record(c, lead, AuditLog.Actor.GHL, "opted_out", Map.of("reason", reason));
        return store.save(c, lead, state.withOptedOut());
    }

    private static ConversationState withInbound(ConversationState s, Instant now) {
        return new ConversationState(s.botType(), s.stage(), s.language(), s.facts(), s.turns(), s.temperature(),
                s.temperatureReasons(), s.optedOut(), s.pausedUntil(), now, s.lastReplyAt(), s.version());
    }
}
