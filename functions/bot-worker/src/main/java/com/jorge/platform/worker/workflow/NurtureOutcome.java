package com.jorge.platform.worker.workflow;

/** What one follow-up step came to; anything but {@link #SENT} ends the lead-nurture schedule. */
public enum NurtureOutcome {
    /** The follow-up was sent, or held for quiet hours and will be. */
    SENT,
    /** The lead wrote in since the schedule began. */
    REPLIED,
    /** Opted out, DND, or deleted in GHL. */
    OPTED_OUT,
    /** With a human: handed off, or a person took the conversation over. */
    HANDED_OFF,
    /** Nothing more to follow up: the cap on unanswered follow-ups, or the conversation is closed. */
    CLOSED
}
