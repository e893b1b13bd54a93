package com.jorge.platform.worker.delivery;

import com.jorge.platform.conversation.LeadRef;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether GHL already holds a reply whose earlier send had an unknown outcome (it timed out, or GHL
 * answered 5xx after the request was written): read from the lead's conversation in GHL before the
 * reply is sent again, so at-least-once sending becomes once.
 */
@FunctionalInterface
public interface SentReplyLookup {

    /** GHL's message id of an outbound text with this body sent since about {@code since}; empty when there is none. */
    Optional<String> find(LeadRef lead, String body, Instant since);
}
