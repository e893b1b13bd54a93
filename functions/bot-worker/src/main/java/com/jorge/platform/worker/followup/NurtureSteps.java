package com.jorge.platform.worker.followup;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.storage.WebhookEventRepository;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import com.jorge.platform.worker.workflow.LeadWorkflows;
import com.jorge.platform.worker.workflow.NurtureOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * One step of the lead-nurture schedule: re-checks the lead (answered? opted out? with a human?), sends
 * the next follow-up when it is still wanted, then answers the workflow's task token. A step is stored
 * under its own key, so a redelivered step finishes the first delivery and never sends a second text.
 */
public final class NurtureSteps {

    private static final Logger log = LoggerFactory.getLogger(NurtureSteps.class);

    private final Transactor db;
    private final WebhookEventRepository steps;
    private final FollowUpComposer composer;
    private final FollowUpWriter writer;
    private final OutboxDelivery delivery;
    private final LeadWorkflows workflows;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public NurtureSteps(Transactor db, WebhookEventRepository steps, FollowUpComposer composer, FollowUpWriter writer,
                        OutboxDelivery delivery, LeadWorkflows workflows, PlatformMetrics metrics, Clock clock) {
        this.db = db;
        this.steps = steps;
        this.composer = composer;
        this.writer = writer;
        this.delivery = delivery;
        this.workflows = workflows;
        this.metrics = metrics;
        this.clock = clock;
    }

    private record Decision(NurtureOutcome outcome, FollowUpWriter.Stored stored, boolean decidedBefore) {}

    public NurtureOutcome handle(WorkflowMessage.NurtureStep step, String body) {
        LeadRef lead = step.lead();
        String key = stepKey(step);
        Instant now = clock.instant();
        Decision decision = db.inTransaction(c -> {
            if (steps.status(c, lead.locationId(), key).isPresent()) {
                return new Decision(NurtureOutcome.SENT, null, true); // only a sent step is stored
            }
            FollowUpComposer.QuietLead quiet = composer.read(c, lead);
            NurtureOutcome stop = stopReason(quiet.state(), quiet.profile(), step.quietSince(), now);
            if (stop != null) return new Decision(stop, null, false);
            BotTurn turn = composer.next(quiet, now).orElse(null);
            if (turn == null || turn.replies().isEmpty()) return new Decision(NurtureOutcome.CLOSED, null, false);
            steps.claim(c, lead.locationId(), key, WorkflowMessage.NURTURE_STEP, lead.contactId(), body, now,
                    WebhookEventRepository.Status.DECIDED);
            return new Decision(NurtureOutcome.SENT, writer.write(c, lead, turn, key, now,
                    Map.of("step", step.step(), "steps", step.steps())), false);
        });
        if (decision.stored() != null) {
            writer.cacheAfterCommit(lead, decision.stored());
            delivery.deliver(decision.stored().pending(), 0);
        } else if (decision.decidedBefore()) {
            delivery.deliver(delivery.pendingFor(lead.locationId(), key), 0);
        }
        workflows.answerFollowUpStep(step.taskToken(), decision.outcome());
        metrics.count(PlatformMetrics.NURTURE_STEPS, decision.outcome().name());
        log.info("nurture step {}/{}: {}", step.step(), step.steps(), decision.outcome());
        return decision.outcome();
    }

    /** Why the schedule must stop, or null when a follow-up may still go out. */
    static NurtureOutcome stopReason(ConversationState state, ContactRecord profile, Instant quietSince, Instant now) {
        if (state == null) return NurtureOutcome.CLOSED;
        if (state.optedOut() || (profile != null && (profile.dnd() || profile.deleted()))) return NurtureOutcome.OPTED_OUT;
        if ("handed_off".equals(state.stage()) || state.pausedAt(now)) return NurtureOutcome.HANDED_OFF;
        Instant inbound = state.lastInboundAt();
        if (inbound != null && ((quietSince != null && inbound.isAfter(quietSince))
                || (state.lastReplyAt() != null && inbound.isAfter(state.lastReplyAt())))) {
            return NurtureOutcome.REPLIED;
        }
        return null;
    }

    /** Unique per schedule and step. */
    static String stepKey(WorkflowMessage.NurtureStep step) {
        return "nurture:" + step.executionName() + ":" + step.step();
    }
}
