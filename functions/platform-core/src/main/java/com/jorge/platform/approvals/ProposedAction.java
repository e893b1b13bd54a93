package com.jorge.platform.approvals;

import java.math.BigDecimal;

/** What the bot wants to do, as far as the approval policy cares. */
public sealed interface ProposedAction {

    /** The action's kind, as the audit log names what the bot did ("first time for this contact"). */
    String kind();

    /** A price opinion or a home-value figure in a reply. */
    record PriceOpinion() implements ProposedAction {
        public String kind() {
            return "price_opinion";
        }
    }

    /** Booking a listing appointment for a property of this value (null when unknown). */
    record ListingAppointment(BigDecimal propertyValue) implements ProposedAction {
        public String kind() {
            return "listing_appointment";
        }
    }

    /** Re-engaging this many cold leads in one go. */
    record ReEngagement(int leads) implements ProposedAction {
        public String kind() {
            return "reengagement";
        }
    }

    /** A reply the language model wrote; {@code guardFlagged} when the output guard flagged it. */
    record LlmReply(boolean guardFlagged) implements ProposedAction {
        public String kind() {
            return "llm_reply";
        }
    }

    /** Any other CRM action (tag, stage move, task, ...), by its kind. */
    record Other(String kind) implements ProposedAction {}
}
