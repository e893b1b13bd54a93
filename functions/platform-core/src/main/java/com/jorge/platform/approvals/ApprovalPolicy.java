package com.jorge.platform.approvals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A location's limits on the bot: which actions wait for a person first. {@link #rulesFor} names every
 * rule an action meets; none means the bot may go ahead alone. An unknown property value counts as
 * above the threshold: when in doubt, ask.
 */
public record ApprovalPolicy(boolean priceOpinion, BigDecimal listingAppointmentAbove, Integer reengageMoreThan,
                             boolean guardFlaggedReply, boolean firstTimeAction) {

    /** A location without its own policy: figures and flagged replies need a person, nothing else. */
    public static final ApprovalPolicy DEFAULT = new ApprovalPolicy(true, null, null, true, false);

    public List<String> rulesFor(ProposedAction action, boolean firstTimeForContact) {
        List<String> rules = new ArrayList<>();
        switch (action) {
            case ProposedAction.PriceOpinion p -> { if (priceOpinion) rules.add("price_opinion"); }
            case ProposedAction.ListingAppointment a -> {
                if (listingAppointmentAbove != null
                        && (a.propertyValue() == null || a.propertyValue().compareTo(listingAppointmentAbove) > 0)) {
                    rules.add("listing_appointment_above");
                }
            }
            case ProposedAction.ReEngagement r -> {
                if (reengageMoreThan != null && r.leads() > reengageMoreThan) rules.add("reengage_more_than");
            }
            case ProposedAction.LlmReply l -> { if (guardFlaggedReply && l.guardFlagged()) rules.add("guard_flagged_reply"); }
            case ProposedAction.Other o -> { }
        }
        if (firstTimeAction && firstTimeForContact) rules.add("first_time_action");
        return rules;
    }
}
