package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.worker.state.InstallationStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Which part decides each kind of GHL event: the lead's texts go to the bots ({@link InboundTurns}), a
 * person's texts pause them ({@link HumanReplies}); contact and deal events are record-keeping
 * ({@link ContactRecords}, {@link DealRecords}). A lead's text to a location that removed the app is
 * kept out of the bots: audited as not replied, nothing decided.
 */
public final class LeadEventDecisions {

    private final InboundTurns inbound;
    private final HumanReplies humans;
    private final ContactRecords contacts;
    private final DealRecords deals;
    private final InstallationStatus installations;
    private final AuditLog audit;

    public LeadEventDecisions(InboundTurns inbound, HumanReplies humans, ContactRecords contacts, DealRecords deals,
                              InstallationStatus installations, AuditLog audit) {
        this.inbound = inbound;
        this.humans = humans;
        this.contacts = contacts;
        this.deals = deals;
        this.installations = installations;
        this.audit = audit;
    }

    /** Decides {@code event} inside the transaction that claimed it. */
    public EventDecision.Decided decide(Connection c, LeadRef lead, GhlEvent event) throws SQLException {
        return switch (event) {
            case GhlEvent.InboundMessage m -> installations.uninstalled(c, lead.locationId())
                    ? appRemoved(c, lead, m) : inbound.decide(c, lead, m);
            case GhlEvent.OutboundMessage m -> humans.decide(c, lead, m);
            case GhlEvent.ContactChanged e -> contacts.changed(c, lead, e);
            case GhlEvent.ContactDndChanged e -> contacts.dndChanged(c, lead, e);
            case GhlEvent.ContactDeleted e -> contacts.deleted(c, lead, e);
            case GhlEvent.OpportunityChanged e -> deals.opportunityChanged(c, lead, e);
            case GhlEvent.AppointmentCreated e -> deals.appointmentCreated(c, lead, e);
        };
    }

    private EventDecision.Decided appRemoved(Connection c, LeadRef lead, GhlEvent.InboundMessage m) throws SQLException {
        audit.record(c, lead, AuditLog.Actor.BOT, AuditedAction.NOT_REPLIED.code(), Map.of("reason", "app uninstalled"));
        return EventDecision.Decided.nothingToSend(m, new EventDecision.CacheUpdate.Keep());
    }
}
