package com.jorge.platform.conversation;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything a policy may look at to answer one inbound message.
 *
 * @param phone the lead's phone number when known (the state whose texting laws apply), else null
 */
public record ConversationContext(LeadRef lead, String firstName, ConversationState state, ZoneId leadZone,
                                  Instant now, String phone) {

    public ConversationContext(LeadRef lead, String firstName, ConversationState state, ZoneId leadZone, Instant now) {
        this(lead, firstName, state, leadZone, now, null);
    }
}
