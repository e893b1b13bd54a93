package com.jorge.platform.worker.followup;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.worker.workflow.LeadWorkflows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a bot turn starts the lead-nurture workflow: when the workflow keeps the follow-up schedule
 * and the turn left the lead with the bot's question, the lead is followed up if they go quiet (the
 * workflow stops when they answer). Without the workflow the local runtime's sweep follows leads up.
 */
public final class NurtureSchedule {

    private final LeadWorkflows workflows;
    private final FollowUpPolicy followUps;

    public NurtureSchedule(LeadWorkflows workflows, FollowUpPolicy followUps) {
        this.workflows = workflows;
        this.followUps = followUps;
    }

    /**
     * The action that starts the schedule after {@code turn}, stored as {@code next}; empty when none starts. The
     * waits are the lead's own (its follow-up cadence variant, when it is in a cadence experiment).
     */
    public Optional<CrmAction> after(LeadRef lead, BotTurn turn, ConversationState next, Instant now) {
        if (!workflows.keepsFollowUpSchedule() || turn.replies().isEmpty() || !followUps.mayFollowUp(next, now)) {
            return Optional.empty();
        }
        List<Long> waits = followUps.waits(lead, next, now).stream().map(Duration::toSeconds).toList();
        return Optional.of(new CrmAction.ScheduleFollowUps(now, waits));
    }
}
