package com.jorge.platform.worker.events;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.worker.audit.AuditedAction;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.worker.booking.BotAppointments;
import com.jorge.platform.worker.outcomes.LeadOutcomeRecorder;
import com.jorge.platform.worker.state.ConversationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * GHL's deal events: opportunities and appointments are kept for the bots and the BI rollups, and a won
 * or lost deal becomes a training row for the lead score ({@link LeadOutcomeRecorder}). Nothing is sent.
 */
public final class DealRecords {

    private static final Logger log = LoggerFactory.getLogger(DealRecords.class);

    private final OpportunityRepository opportunities;
    private final LeadOutcomeRecorder outcomes;
    private final AuditLog audit;
    private final ConversationStore store;
    private final PlatformMetrics metrics;
    private final BotAppointments appointments;
    private final Clock clock;

    public DealRecords(OpportunityRepository opportunities, LeadOutcomeRecorder outcomes, AuditLog audit,
                       ConversationStore store, BotAppointments appointments, PlatformMetrics metrics, Clock clock) {
        this.appointments = appointments;
        this.opportunities = opportunities;
        this.outcomes = outcomes;
        this.audit = audit;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    public EventDecision.Decided opportunityChanged(Connection c, LeadRef lead, GhlEvent.OpportunityChanged deal)
            throws SQLException {
        opportunities.upsert(c, deal);
        if (deal.status() != null) recordOutcome(c, lead, deal);
        return EventDecision.Decided.nothingToSend(deal, new EventDecision.CacheUpdate.Keep());
    }

    public EventDecision.Decided appointmentCreated(Connection c, LeadRef lead, GhlEvent.AppointmentCreated e)
            throws SQLException {
        opportunities.upsertAppointment(c, e);
        // GHL's echo of an appointment the bots booked, moved or cancelled is no news
        boolean ours = appointments.ours(c, lead.locationId(), e.appointmentId());
        audit.record(c, lead, AuditLog.Actor.GHL, (ours ? AuditedAction.APPOINTMENT_ECHO : AuditedAction.APPOINTMENT_BOOKED).code(),
                Map.of("appointmentId", e.appointmentId()));
        return EventDecision.Decided.nothingToSend(e, new EventDecision.CacheUpdate.Keep());
    }

    private void recordOutcome(Connection c, LeadRef lead, GhlEvent.OpportunityChanged deal) throws SQLException {
        var result = outcomes.onDeal(c, lead, deal, store.load(c, lead), clock.instant());
        switch (result) {
            case LeadOutcomeRecorder.Result.Recorded r -> {
                String outcome = r.converted() ? "won" : "lost";
                metrics.count(PlatformMetrics.LEAD_OUTCOMES, outcome);
                audit.record(c, lead, AuditLog.Actor.GHL, AuditedAction.LEAD_OUTCOME_RECORDED.code(),
                        Map.of("opportunityId", deal.opportunityId(), "outcome", outcome));
            }
            case LeadOutcomeRecorder.Result.Withdrawn w -> {
                metrics.count(PlatformMetrics.LEAD_OUTCOMES, "reopened");
                audit.record(c, lead, AuditLog.Actor.GHL, AuditedAction.LEAD_OUTCOME_WITHDRAWN.code(),
                        Map.of("opportunityId", deal.opportunityId()));
            }
            case LeadOutcomeRecorder.Result.KeptEarlierWin k -> log.info("deal {} {}: the lead's earlier won deal stays its outcome",
                    deal.opportunityId(), deal.status());
            case LeadOutcomeRecorder.Result.NoConversation n -> log.info("deal {} {}: no bot conversation, no outcome recorded",
                    deal.opportunityId(), deal.status());
            case LeadOutcomeRecorder.Result.Undecided u -> { }
        }
    }
}
