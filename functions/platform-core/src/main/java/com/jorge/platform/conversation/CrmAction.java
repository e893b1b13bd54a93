package com.jorge.platform.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a bot turn asks for besides replying: CRM changes, which the worker carries out through the GHL
 * API, and the workflows that take the lead over (hand-off, follow-ups).
 */
public sealed interface CrmAction {

    record AddTags(List<String> tags) implements CrmAction {
        public AddTags { tags = List.copyOf(tags); }
    }

    /** Custom-field values keyed by the field's key in GHL (e.g. {@code contact.budget}). */
    record UpdateFields(Map<String, String> fields) implements CrmAction {
        public UpdateFields { fields = Map.copyOf(fields); }
    }

    /** Move the lead's opportunity to a named pipeline stage (resolved to ids by configuration). */
    record MoveOpportunity(String stageName) implements CrmAction {}

    /** The lead opted out: mark DND on the contact so no channel texts them again. */
    record MarkDoNotDisturb(String reason) implements CrmAction {}

    /**
     * Put the lead in front of a human agent. {@code when} is the booked time or the lead's own contact
     * window, as the agent should read it (null when neither is known).
     */
    record HandOff(String reason, String when) implements CrmAction {
        public HandOff(String reason) {
            this(reason, null);
        }
    }

    /**
     * Book the lead's appointment for {@code purpose} at {@code start} (or move the one the bots booked
     * before to it), then text {@code confirmation}; when GHL says the slot was taken meanwhile, text
     * {@code takenReply} instead (it offers the next free slots). Carried out once per action, however
     * often the outbox delivers it. The text waits for {@code textNotBefore} (the lead's quiet hours) when set.
     */
    record BookAppointment(AppointmentPurpose purpose, Instant start, Instant end, String confirmation,
                           String takenReply, Instant textNotBefore) implements CrmAction {}

    /** Cancel the appointment the bots booked for the lead, then text {@code confirmation} (not before {@code textNotBefore}). */
    record CancelAppointment(String confirmation, Instant textNotBefore) implements CrmAction {}

    /**
     * The lead has the bot's question in front of them: follow them up if they stay quiet, waiting
     * {@code waitSeconds[i]} before the i-th follow-up. The schedule ends when they answer.
     */
    record ScheduleFollowUps(Instant quietSince, List<Long> waitSeconds) implements CrmAction {
        public ScheduleFollowUps { waitSeconds = List.copyOf(waitSeconds); }
    }
}
