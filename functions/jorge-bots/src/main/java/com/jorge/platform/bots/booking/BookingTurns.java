package com.jorge.platform.bots.booking;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The booking half of a conversation: offers two or three free slots of the team's calendar, reads the
 * lead's choice, books it (through the outbox: {@link CrmAction.BookAppointment} texts the confirmation
 * once GHL holds the appointment), moves or cancels it on request, and after the hand-off answers what
 * the bot may answer (who calls, when, how to move it; the time the lead gave to its last question).
 * Everything else after a hand-off is left to the human. What it remembers lives in the lead's facts
 * under {@code booking.}.
 */
public final class BookingTurns {

    static final String PURPOSE = "booking.purpose";
    static final String OFFERED = "booking.offered";
    /** When the pending offer was made: an offer lapses (see {@link #lapsed}). */
    static final String OFFERED_AT = "booking.offered_at";
    /** The lead was reminded once of the pending offer; a second message with no choice goes to a person. */
    static final String REMINDED = "booking.reminded";
    /** New times were offered to move the booked appointment: a time named next moves it. */
    static final String MOVING = "booking.moving";
    static final String BOOKED_AT = "booking.at";
    static final String HANDED_OFF = "booking.handed_off";
    static final String HANDOFF_REASON = "booking.handoff_reason";
    /** The hand-off reply asked the lead for a good time: their next time is acknowledged. */
    public static final String ASKED_TIME = "booking.asked_time";

    /** How many slots an offer lists. */
    static final int OFFER_SIZE = 3;
    /** No slot sooner than this: the agent needs time to prepare. */
    static final Duration MIN_NOTICE = Duration.ofHours(2);
    static final Duration HORIZON = Duration.ofDays(14);
    /** An offer older than this is not held to: the calendar has moved on since. */
    static final Duration OFFER_LIFETIME = Duration.ofHours(24);
    /** What the bot answers next to a pending offer (the step names the decider uses for them). */
    private static final java.util.Set<String> ANSWERS_KEPT_WITH_OFFER =
            java.util.Set.of("deflect.off_limits", "value.ask", "objection.price_too_high", "objection.just_looking");

    /** Renders reply parts with extra values ({@code slots}, {@code when}) in the conversation's language. */
    @FunctionalInterface
    public interface Texts {
        String render(List<ReplyPart> parts, Map<String, String> values);
    }

    /** Who and where: the lead, their zone, the clock, the language, and their facts (changed in place). */
    /** @param textsNotBefore when texts may go out (quiet hours), null for now */
    public record Lead(LeadRef ref, ZoneId zone, Instant now, String language, LeadFacts facts, Instant textsNotBefore) {}

    /**
     * What a booking turn says and does.
     *
     * @param parts   the reply, empty when the confirmation goes out with the booking action
     * @param values  the extra template values the parts use
     * @param handOff whether the lead is now with a human (the conversation's stage becomes handed off)
     */
    public record Step(List<ReplyPart> parts, Map<String, String> values, List<CrmAction> actions, boolean handOff) {
        public Step {
            parts = List.copyOf(parts);
            values = Map.copyOf(values);
            actions = List.copyOf(actions);
        }
    }

    private final BookingCalendar calendar;
    private final SlotChoiceReader reader = new SlotChoiceReader();

    public BookingTurns(BookingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Whether an offer of slots is waiting for the lead's choice. */
    public static boolean offerPending(LeadFacts facts) {
        return facts.raw(OFFERED) != null;
    }

    /**
     * Whether the pending offer no longer holds: made more than {@link #OFFER_LIFETIME} ago, or its first
     * time is now closer than the notice the agent needs (or past). A lapsed offer may be made afresh;
     * a standing one is not repeated unless the lead asks.
     */
    public static boolean lapsed(LeadFacts facts, Instant now) {
        List<Instant> offered = offered(facts);
        if (offered.isEmpty()) return false;
        String at = facts.raw(OFFERED_AT);
        if (at != null && Instant.parse(at).plus(OFFER_LIFETIME).isBefore(now)) return true;
        return offered.getFirst().isBefore(now.plus(MIN_NOTICE));
    }

    /** An offer the lead has and that still holds: not to be made again unless they ask. */
    public static boolean offerStanding(LeadFacts facts, Instant now) {
        return offerPending(facts) && !booked(facts) && !lapsed(facts, now);
    }

    /** The lead stepped back ("not now", "no thanks"): the times are no longer on offer. */
    public static void dropOffer(LeadFacts facts) {
        facts.setInternal(OFFERED, null);
        facts.setInternal(OFFERED_AT, null);
        facts.setInternal(REMINDED, null);
    }

    /**
     * A message that neither chooses, nor asks for times, nor steps back, while an offer stands: the
     * offer is not repeated. The first time, the bot answers what it may ({@code answer}: a deflection,
     * the home-value or price answer) and reminds in one line how to choose; after that it answers only
     * those, and a second message with nothing for it hands the lead to a person, who arranges the time.
     * A time the understanding read ({@code contactTime}) that no slot reader saw is passed on as the
     * lead's window.
     */
    public Step stillPending(Lead lead, List<ReplyPart> answer, String contactTime) {
        LeadFacts facts = lead.facts();
        List<ReplyPart> kept = answer.stream().filter(p -> ANSWERS_KEPT_WITH_OFFER.contains(p.key())).toList();
        if (contactTime != null) {
            return handOff(lead, "lead's preferred time: " + contactTime, List.of(ReplyPart.required("booking.window")), List.of());
        }
        if (facts.raw(REMINDED) == null) {
            facts.setInternal(REMINDED, "true");
            List<ReplyPart> parts = new ArrayList<>(kept);
            parts.add(ReplyPart.required("booking.pending"));
            return new Step(parts, Map.of(), List.of(), false);
        }
        if (!kept.isEmpty()) {
            return new Step(kept, Map.of(), List.of(), false);
        }
        String times = String.join("; ", offered(facts).stream().map(s -> SlotFormat.one(s, lead.zone(), "en")).toList());
        return handOff(lead, "no time agreed yet; offered " + times + " (" + lead.zone().getId() + ")",
                List.of(ReplyPart.required("after.logistics")), List.of());
    }

    /** What the pending offer (or the booking) is for. */
    public static AppointmentPurpose offeredFor(LeadFacts facts) {
        return purpose(facts);
    }

    /** Whether the bots booked an appointment for the lead that is still on. */
    public static boolean booked(LeadFacts facts) {
        return facts.raw(BOOKED_AT) != null;
    }

    /**
     * Offers free slots for {@code purpose} (those the request itself names first: "this weekend"); empty
     * when there is no calendar or no free slot, and the caller asks for a good time instead. The
     * hand-off waits for the choice: {@code handOffReason} goes with it.
     */
    public Optional<Step> offer(Lead lead, AppointmentPurpose purpose, String message, String handOffReason,
                                List<ReplyPart> before) {
        List<Instant> free = free(lead, purpose);
        if (free.isEmpty()) return Optional.empty();
        List<Instant> slots = reader.wish(message).filter(w -> !w.byPosition())
                .map(w -> free.stream().filter(s -> w.allows(s, lead.zone(), lead.now())).toList())
                .filter(l -> !l.isEmpty()).orElse(free);
        LeadFacts facts = lead.facts();
        facts.setInternal(PURPOSE, purpose.name());
        facts.setInternal(HANDOFF_REASON, handOffReason);
        List<Instant> offered = first(slots, OFFER_SIZE, List.of());
        remember(lead, offered);
        List<ReplyPart> parts = new ArrayList<>(before);
        parts.add(ReplyPart.required("booking.offer." + purpose.name().toLowerCase(java.util.Locale.ROOT)));
        return Optional.of(new Step(parts, Map.of("slots", SlotFormat.numbered(offered, lead.zone(), lead.language())),
                List.of(), false));
    }

    /**
     * The lead's message read against the booking: a choice of slot, a move, a cancellation, a question
     * about the appointment, or the answer to the bot's last question. Empty when the message is about
     * something else.
     */
    public Optional<Step> answer(Lead lead, String message, boolean contactTimeGiven, Texts texts) {
        LeadFacts facts = lead.facts();
        SlotChoiceReader.Request request = reader.request(message);
        Optional<SlotWish> wish = reader.wish(message);
        if (request == SlotChoiceReader.Request.CANCEL && (booked(facts) || offerPending(facts))) {
            return Optional.of(cancel(lead, texts));
        }
        boolean noTimeNamed = wish.isEmpty() || wish.get().byPosition();
        boolean otherTimes = request == SlotChoiceReader.Request.MOVE || request == SlotChoiceReader.Request.OTHER_TIMES;
        if (otherTimes && booked(facts) && noTimeNamed) {
            return reoffer(lead, "booking.move", List.of(Instant.parse(facts.raw(BOOKED_AT))));
        }
        if (offerPending(facts) && !booked(facts)) {
            // "none of those work" / "what were the times?" / a choice from an offer that lapsed
            if (otherTimes && noTimeNamed) {
                return reoffer(lead, lapsed(facts, lead.now()) ? "booking.offer_lapsed" : "booking.move", offered(facts));
            }
            if (request == SlotChoiceReader.Request.REPEAT) {
                return lapsed(facts, lead.now()) ? reoffer(lead, "booking.offer_lapsed", List.of()) : repeat(lead);
            }
            if (wish.isPresent() && wish.get().byPosition() && lapsed(facts, lead.now())) {
                return reoffer(lead, "booking.offer_lapsed", List.of());
            }
        }
        // once booked, the times kept in reserve (in case GHL finds the slot taken) are chosen by number; a time
        // named in passing ("I'm free after 5 too") moves nothing unless the lead asked to move
        boolean choosing = offerPending(facts) && (!booked(facts) || wish.map(SlotWish::byPosition).orElse(false)
                || facts.raw(MOVING) != null);
        if (wish.isPresent() && (choosing || (request == SlotChoiceReader.Request.MOVE && booked(facts)))) {
            return Optional.of(choose(lead, wish.get(), texts));
        }
        if (request == SlotChoiceReader.Request.LOGISTICS && (booked(facts) || facts.raw(HANDED_OFF) != null)) {
            return Optional.of(booked(facts)
                    ? say("after.logistics_booked", Map.of("when", SlotFormat.one(Instant.parse(facts.raw(BOOKED_AT)), lead.zone(), lead.language())))
                    : say("after.logistics", Map.of()));
        }
        if (facts.raw(ASKED_TIME) != null && (wish.isPresent() || contactTimeGiven)) {
            facts.setInternal(ASKED_TIME, null);
            return Optional.of(say("after.time_noted", Map.of()));
        }
        return Optional.empty();
    }

    /**
     * A call or showing asked for after the hand-off: the team's free times when nothing is booked (the
     * hand-off already happened, so the choice books without a second one), the booked time when
     * something is, and who will be in touch (or that the time the lead gave is passed on) when the
     * calendar has nothing: never silence.
     */
    public Step askedAfterHandOff(Lead lead, AppointmentPurpose purpose, String message, boolean contactTimeGiven) {
        LeadFacts facts = lead.facts();
        if (booked(facts)) {
            return say("after.logistics_booked", Map.of("when", SlotFormat.one(Instant.parse(facts.raw(BOOKED_AT)), lead.zone(), lead.language())));
        }
        return offer(lead, purpose, message, "asked for an appointment after the hand-off", List.of())
                .orElseGet(() -> say(contactTimeGiven ? "after.time_noted" : "after.logistics", Map.of()));
    }

    /** Marks the lead as handed to a human outside booking (hot lead, no calendar), so logistics can be answered. */
    public static void handedOff(LeadFacts facts, boolean askedTime) {
        facts.setInternal(HANDED_OFF, "true");
        if (askedTime) facts.setInternal(ASKED_TIME, "true");
    }

    private Step choose(Lead lead, SlotWish wish, Texts texts) {
        LeadFacts facts = lead.facts();
        AppointmentPurpose purpose = purpose(facts);
        List<Instant> offered = offered(facts);
        Optional<Instant> pick = wish.pick(offered, lead.zone(), lead.now());
        List<Instant> free = free(lead, purpose);
        if (pick.isEmpty() && !wish.byPosition()) pick = wish.pick(free, lead.zone(), lead.now());
        if (pick.isEmpty()) {
            if (wish.byPosition() || free.isEmpty()) {
                return say("booking.offer_again", Map.of("slots", SlotFormat.numbered(offered, lead.zone(), lead.language())));
            }
            // no free slot fits the lead's window: the agent calls in it instead
            String stated = facts.raw("lead.contact_time");
            String window = "lead's preferred time" + (stated == null ? " is in their last message" : ": " + stated);
            return handOff(lead, window, List.of(ReplyPart.required("booking.window")), List.of());
        }
        Instant start = pick.get();
        Instant current = booked(facts) ? Instant.parse(facts.raw(BOOKED_AT)) : null;
        List<Instant> next = next(offered, free, start, current);
        if (!free.isEmpty() && !free.contains(start)) {
            // taken since it was offered: the next ones
            remember(lead, next);
            return say("booking.taken", Map.of("slots", SlotFormat.numbered(next, lead.zone(), lead.language())));
        }
        String when = SlotFormat.one(start, lead.zone(), lead.language());
        String confirmation = texts.render(List.of(ReplyPart.required(current == null ? "booking.confirmed" : "booking.moved")),
                Map.of("when", when));
        String taken = texts.render(List.of(ReplyPart.required("booking.taken")),
                Map.of("slots", SlotFormat.numbered(next, lead.zone(), lead.language())));
        facts.setInternal(BOOKED_AT, start.toString());
        facts.setInternal(MOVING, null);
        remember(lead, next);
        CrmAction book = new CrmAction.BookAppointment(purpose, start, start.plus(length(purpose)), confirmation, taken,
                lead.textsNotBefore());
        String agentWhen = SlotFormat.one(start, lead.zone(), "en") + " (" + lead.zone().getId() + ")";
        return handOff(lead, "booked " + purpose.name().toLowerCase(java.util.Locale.ROOT) + " " + agentWhen,
                List.of(), List.of(book));
    }

    /** Books and hands off in one step; the hand-off happens once per lead, the booking actions every time. */
    private Step handOff(Lead lead, String when, List<ReplyPart> parts, List<CrmAction> booking) {
        LeadFacts facts = lead.facts();
        List<CrmAction> actions = new ArrayList<>(booking);
        if (facts.raw(HANDED_OFF) == null) {
            String reason = facts.raw(HANDOFF_REASON) == null ? "asked for an appointment" : facts.raw(HANDOFF_REASON);
            actions.add(new CrmAction.HandOff(reason, when));
            facts.setInternal(HANDED_OFF, "true");
        }
        return new Step(parts, Map.of(), actions, true);
    }

    private Step cancel(Lead lead, Texts texts) {
        LeadFacts facts = lead.facts();
        dropOffer(facts);
        if (!booked(facts)) {
            return say("booking.offer_dropped", Map.of());
        }
        facts.setInternal(BOOKED_AT, null);
        return new Step(List.of(), Map.of(), List.of(new CrmAction.CancelAppointment(
                texts.render(List.of(ReplyPart.required("booking.cancelled")), Map.of()), lead.textsNotBefore())), false);
    }

    /** New times, none of {@code except} (the booked one, or those the lead turned down) while others are free. */
    private Optional<Step> reoffer(Lead lead, String key, List<Instant> except) {
        List<Instant> free = free(lead, purpose(lead.facts()));
        if (free.isEmpty()) return Optional.of(say("after.logistics", Map.of()));
        List<Instant> next = first(free, OFFER_SIZE, except);
        if (next.isEmpty()) next = first(free, OFFER_SIZE, List.of()); // nothing else is free: the same ones again
        remember(lead, next);
        if (booked(lead.facts())) lead.facts().setInternal(MOVING, "true");
        return Optional.of(say(key, Map.of("slots", SlotFormat.numbered(next, lead.zone(), lead.language()))));
    }

    /** The standing offer again, as asked: those still free, topped up with the next free ones. */
    private Optional<Step> repeat(Lead lead) {
        List<Instant> offered = offered(lead.facts());
        List<Instant> free = free(lead, purpose(lead.facts()));
        List<Instant> slots = free.isEmpty() ? offered : next(offered, free, null, null);
        if (!slots.equals(offered)) remember(lead, slots);
        return Optional.of(say("booking.offer_again", Map.of("slots", SlotFormat.numbered(slots, lead.zone(), lead.language()))));
    }

    private List<Instant> free(Lead lead, AppointmentPurpose purpose) {
        Instant from = lead.now().plus(MIN_NOTICE);
        return calendar.freeSlots(lead.ref(), purpose, from, from.plus(HORIZON));
    }

    /** The slots to offer instead of {@code chosen}: the rest of the offer still free first, then the next free ones. */
    private static List<Instant> next(List<Instant> offered, List<Instant> free, Instant chosen, Instant current) {
        return Stream.concat(offered.stream().filter(s -> free.isEmpty() || free.contains(s)), free.stream()).distinct()
                .filter(s -> !s.equals(chosen) && !s.equals(current)).limit(OFFER_SIZE).toList();
    }

    /** The first {@code n} slots not in {@code except}. */
    private static List<Instant> first(List<Instant> slots, int n, List<Instant> except) {
        return slots.stream().filter(s -> !except.contains(s)).limit(n).toList();
    }

    /** The times now on offer (none: the offer is gone), when they were offered, and no reminder yet. */
    private static void remember(Lead lead, List<Instant> offered) {
        LeadFacts facts = lead.facts();
        if (offered.isEmpty()) {
            dropOffer(facts);
            return;
        }
        facts.setInternal(OFFERED, String.join(",", offered.stream().map(Instant::toString).toList()));
        facts.setInternal(OFFERED_AT, lead.now().toString());
        facts.setInternal(REMINDED, null);
    }

    private static List<Instant> offered(LeadFacts facts) {
        String raw = facts.raw(OFFERED);
        return raw == null ? List.of() : Arrays.stream(raw.split(",")).map(Instant::parse).toList();
    }

    private static AppointmentPurpose purpose(LeadFacts facts) {
        String raw = facts.raw(PURPOSE);
        return raw == null ? AppointmentPurpose.CALL : AppointmentPurpose.valueOf(raw);
    }

    static Duration length(AppointmentPurpose purpose) {
        return purpose == AppointmentPurpose.CALL ? Duration.ofMinutes(30) : Duration.ofHours(1);
    }

    private static Step say(String key, Map<String, String> values) {
        return new Step(List.of(ReplyPart.required(key)), values, List.of(), false);
    }
}
