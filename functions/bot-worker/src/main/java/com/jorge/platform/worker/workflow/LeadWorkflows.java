package com.jorge.platform.worker.workflow;

import com.jorge.platform.conversation.LeadRef;

import java.time.Instant;
import java.util.List;

/**
 * The long-running workflows that take a lead over from the bot: the follow-up schedule of a quiet lead
 * (lead-nurture), the offer of a hot lead to the agents (hot-lead-handoff), and a person's approval of
 * what the bot wants to do (approval). Starting is idempotent on {@code key} (the approval's action id):
 * the same key never starts a second run.
 */
public interface LeadWorkflows {

    /** True when lead-nurture keeps the follow-up schedule (then the sweep sends none). */
    boolean keepsFollowUpSchedule();

    /** True when hot-lead-handoff offers hand-offs to the agents (then nobody is assigned up front). */
    boolean offersHandoffs();

    /** True when the approval workflow asks a person before the bot does what its location's policy holds back. */
    boolean asksApprovals();

    void startFollowUps(LeadRef lead, String key, Instant quietSince, List<Long> waitSeconds);

    /**
     * Asks the location's people to approve a held turn; the answer comes back as {@code approval.decided}
     * with {@code actionId}.
     *
     * @param summary what the person reads (1 to 1,000 characters)
     * @param rules   the policy rules the turn met
     */
    void startApproval(LeadRef lead, String actionId, String kind, String summary, List<String> rules);

    /** @param when the booked time or the lead's stated contact window, null when neither is known */
    void startHandoff(LeadRef lead, String key, String reason, String when);

    /** Tells a waiting follow-up schedule what its step came to; a schedule that gave up waiting is ignored. */
    void answerFollowUpStep(String taskToken, NurtureOutcome outcome);

    /** No workflows (the local runtime, or a deployment without them): the sweep follows leads up. */
    LeadWorkflows NONE = new LeadWorkflows() {
        @Override
        public boolean keepsFollowUpSchedule() {
            return false;
        }

        @Override
        public boolean offersHandoffs() {
            return false;
        }

        @Override
        public boolean asksApprovals() {
            return false;
        }

        @Override
        public void startFollowUps(LeadRef lead, String key, Instant quietSince, List<Long> waitSeconds) {
        }

        @Override
        public void startApproval(LeadRef lead, String actionId, String kind, String summary, List<String> rules) {
            throw new IllegalStateException("an approval was held, but this worker has no APPROVAL_STATE_MACHINE_ARN");
        }

        @Override
        public void startHandoff(LeadRef lead, String key, String reason, String when) {
        }

        @Override
        public void answerFollowUpStep(String taskToken, NurtureOutcome outcome) {
            throw new IllegalStateException("a lead-nurture step arrived, but this worker has no "
                    + "NURTURE_STATE_MACHINE_ARN to answer it");
        }
    };
}
