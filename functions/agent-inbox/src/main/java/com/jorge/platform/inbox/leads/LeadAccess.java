package com.jorge.platform.inbox.leads;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.offers.HandoffOffer;
import com.jorge.platform.inbox.offers.OfferRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Who may see and steer a lead: team leads and admins any lead of their locations; an agent a lead
 * offered to them (to read it before accepting), and steer only one they accepted.
 */
public final class LeadAccess {

    public enum Intent { READ, STEER }

    private final OfferRepository offers;

    public LeadAccess(OfferRepository offers) {
        this.offers = offers;
    }

    public void check(Connection c, Caller caller, LeadRef lead, Intent intent) throws SQLException {
        if (!caller.belongsTo(lead.locationId())) throw AccessDenied.notFound("lead");
        if (caller.role().overseesLocation()) return;
        List<HandoffOffer> theirs = offers.forLead(c, lead).stream()
                .filter(o -> caller.is(lead.locationId(), o.agentId())).toList();
        if (theirs.isEmpty()) throw AccessDenied.notFound("lead");
        boolean accepted = theirs.stream().anyMatch(o -> o.status() == HandoffOffer.Status.ACCEPTED);
        if (intent == Intent.STEER && !accepted) {
            throw AccessDenied.forbidden("only the agent who accepted the lead (or a team lead) may take it over");
        }
    }
}
