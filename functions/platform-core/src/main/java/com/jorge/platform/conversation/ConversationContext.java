package com.jorge.platform.conversation;

import java.time.Instant;
import java.time.ZoneId;

/** Everything a policy may look at to answer one inbound message. */
public record ConversationContext(LeadRef lead, String firstName, ConversationState state, ZoneId leadZone,
                                  Instant now) {}
