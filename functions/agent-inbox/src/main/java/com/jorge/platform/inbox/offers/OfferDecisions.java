package com.jorge.platform.inbox.offers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.Refused;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Transactor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent accepts or declines the hot lead offered to them. The offer's row stays locked while the
 * workflow is answered, so two taps (or two devices) give one answer; the answer and its audit entry
 * are stored only once the workflow took it.
 */
public final class OfferDecisions {

    public static final String DECLINED_ERROR = "Handoff.Declined";
    static final int MAX_REASON = 500;

    private sealed interface Result {}
    private record Decided(HandoffOffer offer) implements Result {}
    private record Expired() implements Result {}

    private final Transactor db;
    private final OfferRepository offers;
    private final WorkflowTasks tasks;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public OfferDecisions(Transactor db, OfferRepository offers, WorkflowTasks tasks, AuditLog audit, ObjectMapper json,
                          Clock clock) {
        this.db = db;
        this.offers = offers;
        this.tasks = tasks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Pending offers the caller may see: their own, or (team lead, admin) all of their locations'. */
    public List<HandoffOffer> pending(Caller caller) {
        Instant now = clock.instant();
        List<HandoffOffer> all = db.inTransaction(c -> offers.pending(c, caller.locations(), now));
        return all.stream().filter(o -> caller.role().overseesLocation() || caller.is(o.lead().locationId(), o.agentId()))
                .toList();
    }

    public HandoffOffer accept(Caller caller, String offerId) {
        return decide(caller, offerId, null);
    }

    public HandoffOffer decline(Caller caller, String offerId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) throw Refused.invalid("reason", "say why you decline (1 to " + MAX_REASON + " characters)");
        if (why.length() > MAX_REASON) throw Refused.invalid("reason", "the reason is longer than " + MAX_REASON + " characters");
        return decide(caller, offerId, why);
    }

    private HandoffOffer decide(Caller caller, String offerId, String declineReason) {
        Result result = db.inTransaction(c -> {
            HandoffOffer offer = offers.lock(c, offerId).filter(o -> caller.belongsTo(o.lead().locationId()))
                    .orElseThrow(() -> AccessDenied.notFound("offer"));
            if (!caller.is(offer.lead().locationId(), offer.agentId())) {
                throw AccessDenied.forbidden("this offer is addressed to someone else");
            }
            if (offer.status() != HandoffOffer.Status.PENDING) {
                throw new Refused(409, "already_answered", null, "this offer was already " + offer.status().name().toLowerCase());
            }
            Instant now = clock.instant();
            if (!offer.pendingAt(now)) return expire(c, offer, now);
            String token = offers.taskToken(c, offer.offerId());
            WorkflowTasks.Answer answer = declineReason == null
                    ? tasks.succeed(token, json.createObjectNode().put("agentId", offer.agentId()).toString())
                    : tasks.fail(token, DECLINED_ERROR, "declined in the agent inbox");
            if (answer == WorkflowTasks.Answer.GONE) return expire(c, offer, now);
            HandoffOffer.Status status = declineReason == null ? HandoffOffer.Status.ACCEPTED : HandoffOffer.Status.DECLINED;
            offers.decide(c, offer.offerId(), status, caller.subject(), declineReason, now);
            audit.record(c, offer.lead(), AuditLog.Actor.HUMAN,
                    declineReason == null ? "handoff_offer_accepted" : "handoff_offer_declined",
                    declineReason == null
                            ? Map.of("by", caller.subject(), "agentId", offer.agentId(), "offerId", offer.offerId())
                            : Map.of("by", caller.subject(), "agentId", offer.agentId(), "offerId", offer.offerId(),
                                    "reason", declineReason));
            return new Decided(offers.find(c, offer.offerId()).orElseThrow());
        });
        return switch (result) {
            case Decided d -> d.offer();
            case Expired e -> throw new Refused(410, "offer_expired", null,
                    "the offer expired: the workflow has offered the lead to the next person");
        };
    }

    private Expired expire(Connection c, HandoffOffer offer, Instant now) throws SQLException {
        offers.decide(c, offer.offerId(), HandoffOffer.Status.EXPIRED, null, null, now);
        return new Expired();
    }
}
