package com.jorge.platform.contactdata;

import java.util.List;

/**
 * What GoHighLevel holds on the contact: GHL's data, under the agency's account with GHL, neither
 * exported nor erased here. The answer lists it so the agency can act on it in GHL (Contacts → Delete).
 */
public final class HeldByGhl {

    public static final List<String> DATA = List.of(
            "the contact record: name, phone, e-mail, address, tags, custom fields, DND settings",
            "the conversation: every SMS and e-mail, inbound and outbound, the bots' replies included",
            "opportunities in the pipeline, with stage, value and assigned agent",
            "calendar appointments",
            "tasks and notes (the hand-off task the platform created)",
            "workflow and campaign history");

    private HeldByGhl() {
    }
}
