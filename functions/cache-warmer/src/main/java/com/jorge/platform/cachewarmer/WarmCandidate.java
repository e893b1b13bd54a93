package com.jorge.platform.cachewarmer;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;

import java.time.Instant;

/**
 * What Aurora says about a lead that may write soon: the signals the ranking weighs. Opted-out, DND and
 * deleted leads never become candidates. Nullable fields: the signal is absent.
 *
 * @param stage               null when the lead has no conversation yet (an appointment or a held reply only)
 * @param nextAppointmentAt   the next appointment starting within the appointment window
 * @param nextHeldReplyAt     the earliest bot reply held by quiet hours that goes out within the look-ahead
 * @param nextFollowUpAt      when the lead-nurture workflow the bot started (the lead's latest
 *                            {@code ScheduleFollowUps} action, its start plus the waits in sequence) puts
 *                            its next {@code nurture.step} on the queue, if within the look-ahead and the
 *                            lead has not written since the schedule began
 */
public record WarmCandidate(LeadRef lead, String stage, Temperature temperature, Instant lastInboundAt,
                            Instant lastReplyAt, Instant nextAppointmentAt, Instant nextHeldReplyAt,
                            Instant nextFollowUpAt) {

    /** A candidate without a follow-up due. */
    public WarmCandidate(LeadRef lead, String stage, Temperature temperature, Instant lastInboundAt,
                         Instant lastReplyAt, Instant nextAppointmentAt, Instant nextHeldReplyAt) {
        this(lead, stage, temperature, lastInboundAt, lastReplyAt, nextAppointmentAt, nextHeldReplyAt, null);
    }

    /** The bot wrote last and the lead has not answered yet. */
    public boolean awaitingReply() {
        return lastReplyAt != null && (lastInboundAt == null || !lastInboundAt.isAfter(lastReplyAt));
    }

    /** The latest thing that happened in the conversation, or null. */
    public Instant lastActivityAt() {
        if (lastInboundAt == null) return lastReplyAt;
        if (lastReplyAt == null) return lastInboundAt;
        return lastInboundAt.isAfter(lastReplyAt) ? lastInboundAt : lastReplyAt;
    }
}
