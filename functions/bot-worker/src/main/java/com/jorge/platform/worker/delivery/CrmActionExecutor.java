package com.jorge.platform.worker.delivery;

import com.jorge.platform.bots.compliance.PossibleOptOutHold;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.storage.OpportunityRepository;
import com.jorge.platform.worker.workflow.LeadWorkflows;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Carries out one action of a bot turn: through the GHL API, and by starting the workflows. */
public final class CrmActionExecutor {

    private static final Logger log = LoggerFactory.getLogger(CrmActionExecutor.class);

    private final GhlApiClient ghl;
    private final PipelineStages pipeline;
    private final String handOffUserId;
    private final Transactor db;
    private final OpportunityRepository opportunities;
    private final LeadWorkflows workflows;
    private final AppointmentActions appointments;
    private final Clock clock;

    public CrmActionExecutor(GhlApiClient ghl, PipelineStages pipeline, String handOffUserId, Transactor db,
                             OpportunityRepository opportunities, LeadWorkflows workflows,
                             AppointmentActions appointments, Clock clock) {
        this.appointments = appointments;
        this.workflows = workflows;
        this.ghl = ghl;
        this.pipeline = pipeline;
        this.handOffUserId = handOffUserId;
        this.db = db;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    public void execute(CrmActionOutbox.PendingAction pending) {
        LeadRef lead = pending.lead();
        switch (pending.action()) {
            case CrmAction.AddTags t -> ghl.addTags(lead, t.tags());
            case CrmAction.UpdateFields f -> ghl.updateCustomFields(lead, f.fields());
            case CrmAction.MarkDoNotDisturb d -> ghl.setDoNotDisturb(lead);
            case CrmAction.MoveOpportunity m -> move(lead, m.stageName());
            case CrmAction.ScheduleFollowUps f ->
                    workflows.startFollowUps(lead, "action-" + pending.id(), f.quietSince(), f.waitSeconds());
            case CrmAction.HandOff h when PossibleOptOutHold.isTask(h) ->
                    // the bot held a probable opt-out: a person reads the message; no hand-off workflow, no assignment
                    ghl.createTask(lead, PossibleOptOutHold.TASK_TITLE, PossibleOptOutHold.TASK_BODY, handOffUserId,
                            clock.instant().plus(Duration.ofMinutes(15)));
            case CrmAction.HandOff h -> {
                // with the hand-off workflow the lead is offered to the agents in turn; the one who takes it gets it
                String owner = workflows.offersHandoffs() ? null : handOffUserId;
                if (owner != null) ghl.assignContact(lead, owner);
                // the agent's task says when: the booked time, or the time the lead asked to be called
                ghl.createTask(lead, h.when() == null ? "Hot lead: call now" : "Jorge lead: " + h.when(),
                        "Jorge bot hand-off: " + h.reason() + (h.when() == null ? "" : "\nWhen: " + h.when()), owner,
                        clock.instant().plus(Duration.ofMinutes(15)));
                ghl.addTags(lead, List.of("jorge-handoff"));
                workflows.startHandoff(lead, "action-" + pending.id(), h.reason(), h.when());
            }
            case CrmAction.BookAppointment b -> appointments.book(pending.id(), lead, b);
            case CrmAction.CancelAppointment x -> appointments.cancel(pending.id(), lead, x);
        }
    }

    private void move(LeadRef lead, String stageName) {
        String stageId = pipeline.stageId(stageName).orElse(null);
        if (stageId == null || pipeline.pipelineId() == null) {
            // not configured for this deployment: the move is skipped, loudly, instead of failing the lead
            log.warn("no pipeline stage configured for '{}'; opportunity not moved", stageName);
            return;
        }
        String existing = db.inTransaction(c -> opportunities.openOpportunityOf(c, lead)).orElse(null);
        String opportunityId;
        if (existing == null) {
            opportunityId = ghl.createOpportunity(lead, pipeline.pipelineId(), stageId, "Jorge lead");
        } else {
            ghl.moveOpportunity(lead.locationId(), existing, pipeline.pipelineId(), stageId);
            opportunityId = existing;
        }
        if (opportunityId != null) {
            db.inTransaction(c -> {
                opportunities.recordStage(c, lead, opportunityId, pipeline.pipelineId(), stageId);
                return null;
            });
        }
    }
}
