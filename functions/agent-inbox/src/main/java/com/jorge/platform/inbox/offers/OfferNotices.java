package com.jorge.platform.inbox.offers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The hand-off workflow's offers as they arrive on the AgentNotifications topic
 * ({@code handoff.offer} / {@code handoff.escalation}, with the task token): each becomes a
 * {@code handoff_offers} row, once per token however often SNS delivers it, and the person it is
 * addressed to gets a notice through GHL. A message that is not an offer is counted and dropped:
 * retrying it would not make it one.
 */
public final class OfferNotices {

    private static final Logger log = LoggerFactory.getLogger(OfferNotices.class);
    public static final String OFFERS_RECORDED = "InboxOffersRecorded";

    private final Transactor db;
    private final OfferRepository offers;
    private final Members members;
    private final AgentNotices notices;
    private final ObjectMapper json;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public OfferNotices(Transactor db, OfferRepository offers, Members members, AgentNotices notices, ObjectMapper json,
                        PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.offers = offers;
        this.members = members;
        this.notices = notices;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Handles one SNS message body; throws (so SNS retries) only when storing or notifying failed. */
    public void handle(String message) {
        Optional<Offer> parsed = parse(message);
        if (parsed.isEmpty()) {
            metrics.count(OFFERS_RECORDED, "unreadable");
            log.warn("agent notification dropped: not a hand-off offer");
            return;
        }
        Offer o = parsed.get();
        Instant now = clock.instant();
        record Pending(String offerId, Optional<Caller.Membership> person, AgentNotices.Channel channel) {}
        Pending p = db.inTransaction(c -> {
            String id = offers.record(c, o.lead(), o.agentId(), o.kind(), o.reason(), o.taskToken(), now,
                    now.plusSeconds(o.expiresInSeconds()));
            return new Pending(id, members.byGhlUser(c, o.lead().locationId(), o.agentId()),
                    notices.channel(c, o.lead().locationId()));
        });
        metrics.count(OFFERS_RECORDED, o.kind().name().toLowerCase());
        String contact = p.person().map(Caller.Membership::notifyContactId).orElse(null);
        if (contact == null || p.channel() == AgentNotices.Channel.OFF) return;
        // notify first, then mark: a crash in between repeats the notice, never loses it
        if (db.inTransaction(c -> offers.notified(c, p.offerId()))) return;
        notices.send(p.channel(), o.lead().locationId(), contact,
                o.kind() == HandoffOffer.Kind.ESCALATION ? "No agent took a hot lead" : "A hot lead is waiting for you",
                "offer/" + p.offerId());
        db.inTransaction(c -> offers.markNotified(c, p.offerId(), clock.instant()));
    }

    record Offer(LeadRef lead, String agentId, HandoffOffer.Kind kind, String reason, String taskToken,
                 long expiresInSeconds) {}

    Optional<Offer> parse(String message) {
        JsonNode m;
        try {
            m = json.readTree(message);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (m == null || !m.isObject()) return Optional.empty();
        HandoffOffer.Kind kind = switch (m.path("type").asText("")) {
            case "handoff.offer" -> HandoffOffer.Kind.OFFER;
            case "handoff.escalation" -> HandoffOffer.Kind.ESCALATION;
            default -> null;
        };
        String location = text(m, "locationId");
        String contact = text(m, "contactId");
        String agent = text(m, "agentId");
        String token = text(m, "taskToken");
        long expires = m.path("expiresInSeconds").asLong(0);
        if (kind == null || location == null || contact == null || agent == null || token == null || expires <= 0) {
            return Optional.empty();
        }
        String reason = Optional.ofNullable(text(m, "reason")).orElse("hot lead");
        return Optional.of(new Offer(new LeadRef(location, contact), agent, kind, reason, token, expires));
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
