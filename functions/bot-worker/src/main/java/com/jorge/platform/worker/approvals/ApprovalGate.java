package com.jorge.platform.worker.approvals;

import com.jorge.platform.approvals.ApprovalPolicies;
import com.jorge.platform.approvals.ApprovalPolicy;
import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inside a decision's transaction, after its outbox was written: holds the turn when the location's
 * approval policy says a person must see it first (what the bot proposed: a price opinion, a flagged LLM
 * reply, a listing appointment above the policy's value, a CRM action it never took for the contact).
 * Counts every reply and CRM action for the autonomy rate ({@link PlatformMetrics#BOT_ACTIONS}).
 * <p>
 * Cheap on an ordinary reply: the policy is read at most once per {@code fresh} per location and
 * container, and the audit log only under a policy that asks about first times. An opt-out, a hand-off
 * and the follow-up schedule never wait. Off (counting only) when no approval workflow is deployed.
 */
public final class ApprovalGate {

    public static final String SELLER_PRICE = "seller.price";

    private record Cached(ApprovalPolicy policy, Instant readAt) {}

    private final boolean enabled;
    private final ApprovalPolicies policies;
    private final HeldActions held;
    private final AuditLog audit;
    private final PlatformMetrics metrics;
    private final Duration fresh;
    private final Clock clock;
    private final Map<String, Cached> cached = new ConcurrentHashMap<>();

    public ApprovalGate(boolean enabled, ApprovalPolicies policies, HeldActions held, AuditLog audit,
                        PlatformMetrics metrics, Duration fresh, Clock clock) {
        this.enabled = enabled;
        this.policies = policies;
        this.held = held;
        this.audit = audit;
        this.metrics = metrics;
        this.fresh = fresh;
        this.clock = clock;
    }

    /**
     * Holds the turn's outbox ({@code outboxId}, just written) when the policy asks for a person.
     *
     * @param optedOutNow the turn is the lead's opt-out: its DND must reach GHL, nothing waits
     */
    public Optional<HeldTurn> holdIfNeeded(Connection c, LeadRef lead, String outboxId, BotTurn turn,
                                           ConversationState next, boolean optedOutNow) throws SQLException {
        int items = turn.replies().size() + turn.actions().size();
        if (items == 0) return Optional.empty();
        List<ProposedAction> proposals = enabled && !optedOutNow ? proposals(turn, next) : List.of();
        Set<String> rules = new LinkedHashSet<>();
        String kind = null;
        if (!proposals.isEmpty()) {
            ApprovalPolicy policy = policy(c, lead.locationId());
            for (ProposedAction proposal : proposals) {
                List<String> met = ApprovalPolicies.rulesFor(c, policy, lead, proposal);
                if (!met.isEmpty() && kind == null) kind = proposal.kind();
                rules.addAll(met);
            }
        }
        if (rules.isEmpty()) {
            metrics.count(PlatformMetrics.BOT_ACTIONS, "autonomous", items);
            return Optional.empty();
        }
        metrics.count(PlatformMetrics.BOT_ACTIONS, "needs_person", items);
        List<String> named = List.copyOf(rules);
        HeldTurn turnHeld = held.hold(c, lead, outboxId, kind, summary(kind, turn), named, clock.instant());
        audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.APPROVAL_REQUESTED.code(),
                Map.of("actionId", turnHeld.actionId(), "kind", kind, "rules", named));
        return Optional.of(turnHeld);
    }

    /** What the turn does, as the approval policy sees it. */
    static List<ProposedAction> proposals(BotTurn turn, ConversationState next) {
        List<ProposedAction> out = new ArrayList<>(turn.proposals());
        for (CrmAction action : turn.actions()) {
            switch (action) {
                case CrmAction.BookAppointment b when b.purpose() == AppointmentPurpose.LISTING ->
                        out.add(new ProposedAction.ListingAppointment(propertyValue(next.facts().get(SELLER_PRICE))));
                case CrmAction.MarkDoNotDisturb m -> { } // an opt-out never waits
                case CrmAction.HandOff h -> { }          // a person takes over anyway
                case CrmAction.ScheduleFollowUps f -> { } // the schedule follows the replies it belongs to
                default -> out.add(new ProposedAction.Other(action.getClass().getSimpleName()));
            }
        }
        return out;
    }

    /**
     * The seller's stated price (the understanding stores whole dollars, e.g. {@code 450000}); null, unknown and
     * so above any threshold, for anything else: when in doubt, ask.
     */
    static BigDecimal propertyValue(String fact) {
        if (fact == null) return null;
        String plain = fact.replaceAll("[$,\\s]", "");
        return plain.matches("\\d{1,13}(\\.\\d{1,2})?") ? new BigDecimal(plain) : null;
    }

    private ApprovalPolicy policy(Connection c, String locationId) throws SQLException {
        Instant now = clock.instant();
        Cached hit = cached.get(locationId);
        if (hit != null && hit.readAt().plus(fresh).isAfter(now)) return hit.policy();
        ApprovalPolicy policy = policies.policy(c, locationId);
        cached.put(locationId, new Cached(policy, now));
        return policy;
    }

    private static String summary(String kind, BotTurn turn) {
        StringBuilder s = new StringBuilder(kind.replace('_', ' '));
        for (String reply : turn.replies()) s.append("\nReply: ").append(reply);
        for (CrmAction action : turn.actions()) s.append("\nAction: ").append(action.getClass().getSimpleName());
        return s.toString();
    }
}
