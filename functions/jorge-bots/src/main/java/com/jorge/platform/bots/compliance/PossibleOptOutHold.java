package com.jorge.platform.bots.compliance;

import com.jorge.platform.conversation.CrmAction;

import java.util.List;

/**
 * A message that may be a request to stop which the opt-out rules did not confirm
 * ({@code MessageUnderstanding.possibleOptOut}): the bot sends no text, pauses itself for the lead until a person gives
 * the lead back (the inbox's "give back to the bot") or marks the opt-out in GHL, and leaves the agent a GHL task. The
 * task and the tag never carry the lead's words.
 */
public final class PossibleOptOutHold {

    /** Why the bot paused itself: the audit's reason and the hand-off's. */
    public static final String REASON = "compliance.possible_opt_out";
    public static final String TASK_TITLE = "Possible opt-out: read the lead's last message and confirm or resume";
    public static final String TASK_BODY = "The bot sent no reply and is paused for this lead. If the lead asked to stop, "
            + "mark them DND in GHL; if not, give the lead back to the bot in the inbox.";
    public static final String TAG = "possible-opt-out";
    private PossibleOptOutHold() {
    }

    /** The tag and the agent's task, through the outbox like every CRM action. */
    public static List<CrmAction> actions() {
        return List.of(new CrmAction.AddTags(List.of(TAG)), new CrmAction.HandOff(REASON));
    }

    /** Whether {@code action} is this hold's task (the worker words it and counts it). */
    public static boolean isTask(CrmAction action) {
        return action instanceof CrmAction.HandOff h && REASON.equals(h.reason());
    }
}
