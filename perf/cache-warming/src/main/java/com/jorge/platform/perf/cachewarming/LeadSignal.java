package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.conversation.Temperature;

/**
 * What Aurora learns about a lead at {@code at} (ms since the trace's start): the rows the warmer's
 * candidate query reads (conversations' last_inbound_at / last_reply_at / stage / temperature,
 * appointments, held replies in the outbox).
 */
public sealed interface LeadSignal {
    long at();

    int lead();

    /** The lead texted. */
    record Inbound(long at, int lead) implements LeadSignal {}

    /** A text to the lead went out (bot, follow-up or agent): last_reply_at. */
    record ReplySent(long at, int lead) implements LeadSignal {}

    /** The bot's reply is held by quiet hours until {@code sendAt} (a pending outbox row with not_before). */
    record ReplyHeld(long at, int lead, long sendAt) implements LeadSignal {}

    /** An appointment was booked, starting at {@code startsAt}. */
    record AppointmentBooked(long at, int lead, long startsAt) implements LeadSignal {}

    /**
     * The lead-nurture workflow will put a follow-up ({@code nurture.step}) on the queue at {@code dueAt}:
     * one signal per step, all stored at {@code at} when the bot's turn wrote its {@code ScheduleFollowUps}
     * action (crm_actions); the lead writing after {@code at} stops the schedule.
     */
    record FollowUpScheduled(long at, int lead, long dueAt) implements LeadSignal {}

    /** The conversation's stage and temperature changed (temperature null until the bot knows it). */
    record StageChanged(long at, int lead, String stage, Temperature temperature) implements LeadSignal {}
}
