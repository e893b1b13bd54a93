package com.jorge.platform.inbox.offers;

import com.jorge.platform.conversation.LeadRef;

import java.time.Instant;

/** A hot lead the hand-off workflow offered to one person, waiting for their answer or answered. */
public record HandoffOffer(String offerId, LeadRef lead, String agentId, Kind kind, String reason, Status status,
                           Instant createdAt, Instant expiresAt, String decidedBy, String declineReason) {

    public enum Kind { OFFER, ESCALATION }

    public enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED }

    public boolean pendingAt(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt);
    }
}
