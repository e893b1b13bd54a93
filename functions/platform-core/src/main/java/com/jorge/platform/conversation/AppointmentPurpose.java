package com.jorge.platform.conversation;

/** What an appointment the bots book is for; each has its own GHL calendar per location (configuration). */
public enum AppointmentPurpose {
    /** a seller's listing appointment */
    LISTING,
    /** a buyer's showing */
    SHOWING,
    /** a phone call with an agent */
    CALL
}
