package com.jorge.platform.bi.coaching;

import java.time.Duration;
import java.time.Instant;

/**
 * One hand-off of a lead to the humans, followed to what came of it. The agent is the one who accepted it
 * (audit handoff_accepted), else the lead's deal's assignee, else {@code unassigned}.
 *
 * @param acceptedAt      first acceptance after the hand-off, or null
 * @param firstReplyAt    first human message to the lead after the hand-off, or null
 * @param appointmentAt   first appointment created after the hand-off, or null
 * @param wonAt           first deal of the lead decided won after the hand-off, or null
 */
public record Handoff(String contactId, Instant handedOffAt, String agentId, Instant acceptedAt, Instant firstReplyAt,
                      Instant appointmentAt, Instant wonAt) {

    /** Won within {@code window} of the hand-off: the success a prediction is about. */
    public boolean wonWithin(Duration window) {
        return wonAt != null && !wonAt.isAfter(handedOffAt.plus(window));
    }

    /** Whether the outcome is known at {@code now}: won already, or the window has passed. */
    public boolean settledAt(Instant now, Duration window) {
        return (wonAt != null && !wonAt.isAfter(now) && wonWithin(window)) || !handedOffAt.plus(window).isAfter(now);
    }
}
