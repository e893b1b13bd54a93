package com.jorge.platform.worker.audit;

/**
 * Every action the worker writes to the audit chain ({@code audit_log.action}), named once here: each
 * {@code AuditLog.record} of the worker takes its code from a constant, so a new kind is a new constant, and
 * {@code EveryAuditedActionThroughTheWorkerTest} fails until a test drives it through the worker into the log.
 * Entries carry ids and codes only, never a lead's name, phone, e-mail or message text (they outlive an erasure).
 */
public enum AuditedAction {
    /** A turn the bot decided: stage, temperature, how many replies and actions, hold, LLM tokens, objection, experiments. */
    REPLIED("replied"),
    /** An inbound text the bot did not answer, and why (opted out, DND, deleted, a person on it, no text, app uninstalled). */
    NOT_REPLIED("not_replied"),
    /** The bot scored the lead anew: its temperature before and after and the scorer's reasons. */
    LEAD_SCORED("lead_scored"),
    /** A reply GHL accepted. */
    MESSAGE_SENT("message_sent"),
    /** A CRM action GHL carried out; {@code kind} names it (a tag, fields, a stage move, DND, a hand-off, an appointment...). */
    CRM_ACTION("crm_action"),
    /** A follow-up the lead-nurture workflow had the bot write. */
    FOLLOW_UP("follow_up"),
    /** A person texted the lead from GHL, or the bot held a probable opt-out for a person ({@code reason}): the bot pauses. */
    BOT_PAUSED("bot_paused"),
    /** GHL deleted the contact. */
    CONTACT_DELETED("contact_deleted"),
    /** The lead is DND in GHL. */
    OPTED_OUT("opted_out"),
    /** An appointment someone else booked in GHL. */
    APPOINTMENT_BOOKED("appointment_booked"),
    /** GHL's echo of an appointment the bots booked. */
    APPOINTMENT_ECHO("appointment_echo"),
    /** A won or lost deal kept as a lead-score training row. */
    LEAD_OUTCOME_RECORDED("lead_outcome_recorded"),
    /** A decided deal opened again: its training row removed. */
    LEAD_OUTCOME_WITHDRAWN("lead_outcome_withdrawn"),
    /** An agent took the hot lead the hand-off workflow offered. */
    HANDOFF_ACCEPTED("handoff_accepted"),
    /** No agent took the hot lead. */
    HANDOFF_UNCLAIMED("handoff_unclaimed"),
    /** A turn held for a person under the location's approval policy. */
    APPROVAL_REQUESTED("approval_requested"),
    /** A person approved the held turn: it goes out. */
    APPROVAL_APPROVED("approval_approved"),
    /** The held turn was rejected or its deadline passed: the safe fallback goes out instead. */
    APPROVAL_FELL_BACK("approval_fell_back"),
    /** An answer on a held turn that came too late for the lead (deleted, opted out, DND, taken over, app removed). */
    APPROVAL_DROPPED("approval_dropped"),
    /** A lead of a bulk re-engagement batch got its re-engagement text (or has it held by quiet hours: {@code heldBecause}). */
    REENGAGED("reengaged"),
    /** A lead of a re-engagement batch the worker's re-check stopped (opted out, DND, a person on it, replied...), and why. */
    REENGAGEMENT_SKIPPED("reengagement_skipped"),
    /** The approval of a re-engagement batch came back: approved (its leads are queued), rejected or expired (nothing goes out). */
    REENGAGEMENT_DECIDED("reengagement_decided");

    private final String code;

    AuditedAction(String code) {
        this.code = code;
    }

    /** What {@code audit_log.action} holds. */
    public String code() {
        return code;
    }
}
