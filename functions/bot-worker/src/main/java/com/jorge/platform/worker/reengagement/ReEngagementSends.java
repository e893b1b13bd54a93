package com.jorge.platform.worker.reengagement;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.reengagement.ReEngagementQueue;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.followup.FollowUpComposer;
import com.jorge.platform.worker.followup.FollowUpWriter;
import com.jorge.platform.worker.inbound.ReEngagementMessage;
import com.jorge.platform.worker.reengagement.ReEngagementBatches.BatchLead;
import com.jorge.platform.worker.reengagement.ReEngagementBatches.BatchStatus;
import com.jorge.platform.worker.reengagement.ReEngagementBatches.LeadStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One lead of a re-engagement batch ({@code reengagement.send}), in the lead's own message group. Decided once,
 * under the lead's batch row's lock: the lead is checked again (the app removed, the contact erased, deleted or
 * DND, opted out, a person's pause, handed off or a hand-off offer pending, an approval pending, or the lead
 * texted since the batch was made, or the follow-ups' cap on unanswered texts reached: skipped, audited
 * {@code reengagement_skipped} with the reason), then the bots'
 * re-engagement text (side and language of the lead; held by quiet hours and the state's limits, the audit entry
 * saying why) goes into the outbox with the new state and its {@code reengaged} entry, and is delivered like any
 * reply. A redelivered message only finishes that delivery; a batch still waiting for its approval sends nothing.
 */
public final class ReEngagementSends {

    private static final Logger log = LoggerFactory.getLogger(ReEngagementSends.class);

    private final Transactor db;
    private final ReEngagementBatches batches;
    private final WebhookEventRepository claims;
    private final FollowUpComposer composer;
    private final FollowUpWriter writer;
    private final OutboxDelivery delivery;
    private final AuditLog audit;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public ReEngagementSends(Transactor db, ReEngagementBatches batches, WebhookEventRepository claims,
                             FollowUpComposer composer, FollowUpWriter writer, OutboxDelivery delivery, AuditLog audit,
                             PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.batches = batches;
        this.claims = claims;
        this.composer = composer;
        this.writer = writer;
        this.delivery = delivery;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What happened to the lead: {@code sent}, {@code held}, {@code skipped}, or {@code none} (nothing to do). */
    public String handle(ReEngagementMessage.Send message) {
        LeadRef lead = message.lead();
        String outboxId = outboxId(message.batchId(), lead);
        Instant now = clock.instant();
        record Decision(String outcome, FollowUpWriter.Stored stored, boolean finish) {}
        Decision decision = db.inTransaction(c -> {
            Optional<BatchLead> found = batches.lockLead(c, lead, message.batchId());
            if (found.isEmpty()) {
                log.warn("reengagement.send for a lead of no batch (erased, or another location's)");
                return new Decision("none", null, false);
            }
            BatchLead row = found.get();
            switch (row.status()) {
                case SENT, HELD -> { return new Decision("none", null, true); } // a redelivery finishes the delivery
                case SKIPPED, CANCELLED -> { return new Decision("none", null, false); }
                case PENDING -> { }
            }
            if (row.batchStatus() != BatchStatus.QUEUED && row.batchStatus() != BatchStatus.APPROVED) {
                log.warn("reengagement.send for a batch that is {}: nothing sent", row.batchStatus());
                return new Decision("none", null, false);
            }
            FollowUpComposer.QuietLead quiet = composer.read(c, lead);
            String stop = stopReason(c, quiet, row.batchCreatedAt(), now);
            if (stop == null) stop = capReason(quiet.state(), composer.policy());
            BotTurn turn = stop != null ? null : composer.reEngagement(quiet, now).orElse(null);
            if (stop == null && (turn == null || turn.replies().isEmpty())) stop = "no re-engagement text";
            if (stop == null) turn = countedUnanswered(turn, composer.policy());
            if (stop != null) {
                batches.markLead(c, row, LeadStatus.SKIPPED, stop, now);
                audit.record(c, lead, AuditLog.Actor.SYSTEM, AuditedAction.REENGAGEMENT_SKIPPED.code(),
                        Map.of("batchId", row.batchId(), "reason", stop));
                return new Decision("skipped", null, false);
            }
            claims.claim(c, lead.locationId(), outboxId, ReEngagementQueue.SEND, lead.contactId(), "{}", now,
                    WebhookEventRepository.Status.DECIDED);
            FollowUpWriter.Stored stored = writer.write(c, lead, turn, outboxId, now, Map.of("batchId", row.batchId(),
                    "language", quiet.state().language() == null ? "en" : quiet.state().language()), AuditedAction.REENGAGED);
            boolean held = turn.deferredAt(now);
            batches.markLead(c, row, held ? LeadStatus.HELD : LeadStatus.SENT, held ? turn.heldBecause() : null, now);
            return new Decision(held ? "held" : "sent", stored, false);
        });
        if (decision.stored() != null) {
            writer.cacheAfterCommit(lead, decision.stored());
            delivery.deliver(decision.stored().pending(), 0);
        } else if (decision.finish()) {
            delivery.deliver(delivery.pendingFor(lead.locationId(), outboxId), 0);
        }
        if (!"none".equals(decision.outcome())) metrics.count(PlatformMetrics.REENGAGEMENTS, decision.outcome());
        log.info("re-engagement of one lead: {}", decision.outcome());
        return decision.outcome();
    }

    /** The outbox id of one lead's text in one batch: unique per location, as outbox ids are. */
    static String outboxId(String batchId, LeadRef lead) {
        return "reengage:" + batchId + ":" + lead.contactId();
    }

    /**
     * The follow-ups' cap on texts in a row the lead left unanswered ({@code JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS}, 3)
     * bounds re-engagement too, one text above it: re-engaging is for leads who went quiet, so a lead whose follow-ups
     * reached the cap may still get one re-engagement, and a re-engagement sent counts as one more unanswered text (the
     * lead's answer resets the count). A lead already past the cap (the last re-engagement unanswered too) is skipped
     * with this reason: never more than cap + 1 texts in a row without an answer.
     */
    static String capReason(ConversationState state, FollowUpPolicy policy) {
        int unanswered = unanswered(state, policy);
        return unanswered > policy.maxUnanswered()
                ? "unanswered limit reached (" + unanswered + " texts in a row unanswered: the follow-ups' "
                        + policy.maxUnanswered() + " and a re-engagement)" : null;
    }

    static BotTurn countedUnanswered(BotTurn turn, FollowUpPolicy policy) {
        Map<String, String> facts = new HashMap<>(turn.nextState().facts());
        facts.put(policy.unansweredCounterFact(), Integer.toString(unanswered(turn.nextState(), policy) + 1));
        return turn.withNextState(turn.nextState().withFacts(facts));
    }

    private static int unanswered(ConversationState state, FollowUpPolicy policy) {
        String count = state.facts().get(policy.unansweredCounterFact());
        try {
            return count == null ? 0 : Math.max(0, Integer.parseInt(count.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Why the lead must not be texted now, or null when it may. */
    private static String stopReason(Connection c, FollowUpComposer.QuietLead quiet, Instant batchCreatedAt, Instant now)
            throws SQLException {
        ContactRecord profile = quiet.profile();
        ConversationState state = quiet.state();
        if (quiet.appRemoved()) return "app uninstalled";
        if (profile == null) return "contact erased";
        if (profile.deleted()) return "contact deleted";
        if (profile.dnd()) return "contact is DND";
        if (state == null) return "no conversation";
        if (state.optedOut()) return "lead opted out";
        if (state.pausedAt(now)) return "a human is handling the conversation";
        if ("handed_off".equals(state.stage())) return "handed off to an agent";
        if (state.lastInboundAt() != null && state.lastInboundAt().isAfter(batchCreatedAt)) return "lead texted since";
        if (exists(c, quiet.lead(), "SELECT 1 FROM handoff_offers WHERE location_id = ? AND contact_id = ? AND status = 'pending'")) {
            return "hand-off pending";
        }
        if (exists(c, quiet.lead(), "SELECT 1 FROM held_actions WHERE location_id = ? AND contact_id = ? AND status = 'awaiting_approval'")) {
            return "approval pending";
        }
        return null;
    }

    private static boolean exists(Connection c, LeadRef lead, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
