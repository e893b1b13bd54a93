package com.jorge.platform.bots;

import com.jorge.platform.bots.booking.BookingCalendar;
import com.jorge.platform.bots.booking.BookingTurns;
import com.jorge.platform.bots.compliance.TextingWindow;
import com.jorge.platform.bots.compliance.StateTextingRules;
import com.jorge.platform.bots.compliance.PossibleOptOutHold;
import com.jorge.platform.bots.crm.PipelineRules;
import com.jorge.platform.bots.policy.Decision;
import com.jorge.platform.bots.policy.Fact;
import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.policy.NextStepDecider;
import com.jorge.platform.bots.policy.Qualification;
import com.jorge.platform.bots.policy.Question;
import com.jorge.platform.bots.policy.Signal;
import com.jorge.platform.bots.policy.Stage;
import com.jorge.platform.bots.reply.BedrockReplyWriter;
import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.bots.reply.ReplyPlan;
import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.ReplyWriter;
import com.jorge.platform.bots.reply.TemplateExperiments;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.reply.Tone;
import com.jorge.platform.bots.reply.WrittenReply;
import com.jorge.platform.bots.search.ListingSearch;
import com.jorge.platform.bots.search.ListingSuggestions;
import com.jorge.platform.bots.temperature.LeadScorer;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.bots.temperature.TemperatureAssessment;
import com.jorge.platform.bots.temperature.TemperatureAssessor;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.LlmUsage;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.understanding.Intent;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import com.jorge.platform.understanding.LeadSide;
import com.jorge.platform.understanding.MessageUnderstander;
import com.jorge.platform.understanding.MessageUnderstanding;
import com.jorge.platform.understanding.Slot;
import com.jorge.platform.understanding.SlotName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Jorge seller and buyer bots behind the platform's {@link ConversationPolicy}. Per message:
 * compliance first (an opt-out or a wrong number is honoured whatever else the text says, and an
 * opted-out lead is never answered again), then the facts the text adds, then the next step of the
 * seller or buyer qualification, the temperature, the hot-lead hand-off and the CRM actions, and last
 * the reply, held until morning when it falls in the lead's quiet hours.
 */
public final class JorgeConversationPolicy implements ConversationPolicy {

    private static final Logger log = LoggerFactory.getLogger(JorgeConversationPolicy.class);

    /** Longest inbound text read: ten SMS segments, GHL's own limit. */
    public static final int MAX_INBOUND_CHARS = 1600;

    private static final Set<SlotName> OWN_HOME_SLOTS = Set.of(SlotName.AREA, SlotName.PROPERTY_TYPE,
            SlotName.BEDROOMS, SlotName.BATHROOMS, SlotName.MUST_HAVES);

    /** Signals an explicit call or showing request cancels. */
    private static final Set<Signal> RELUCTANCE =
            Set.of(Signal.NOT_INTERESTED, Signal.NOT_NOW, Signal.JUST_LOOKING, Signal.HAS_AGENT);

    static final String OPTED_OUT_REASON = "compliance.opt_out";
    static final String WRONG_NUMBER = "compliance.wrong_number";
    static final String INITIATED_TEXTS = "compliance.initiated_texts";
    private static final String OBJECTION_PREFIX = "objection.";

    private final BotSettings config;
    private final PipelineRules crm;
    private final MessageUnderstander understander;
    private final ReplyWriter writer;
    private final TemperatureAssessor temperatures;
    private final NextStepDecider decider = new NextStepDecider();
    private final LeadScorer scorer;
    private final BookingTurns booking;
    /** Booking texts carry exact times: always worded from the templates, never rewritten by a model. */
    private final TemplateReplyWriter bookingWriter;
    /** A buyer's listings come from the search port, worded from its results, never by the writer. */
    private final ListingSuggestions listings;
    private final BookingCalendar calendar;
    /**
     * The experiments a lead takes part in (EXPERIMENTS): their variants name each turn, template ones word the replies
     * (none configured: the base templates), cadence ones time the follow-ups, model ones pick the scorer's version.
     */
    private final TemplateExperiments experiments;

    public JorgeConversationPolicy(BotSettings config, MessageUnderstander understander, LeadScorer scorer,
                                   ReplyWriter writer) {
        this(config, understander, scorer, writer, BookingCalendar.NONE, ListingSearch.NONE);
    }

    private JorgeConversationPolicy(BotSettings config, MessageUnderstander understander, LeadScorer scorer,
                                    ReplyWriter writer, BookingCalendar calendar, ListingSearch listingSearch) {
        this.config = Objects.requireNonNull(config, "config");
        this.understander = Objects.requireNonNull(understander, "understander");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.temperatures = new TemperatureAssessor(scorer);
        this.writer = Objects.requireNonNull(writer, "writer");
        this.crm = new PipelineRules(config.stages());
        this.booking = new BookingTurns(Objects.requireNonNull(calendar, "calendar"));
        this.bookingWriter = writer instanceof TemplateReplyWriter t ? t : new TemplateReplyWriter(ReplyTemplates.load());
        this.listings = new ListingSuggestions(listingSearch);
        this.calendar = calendar;
        this.experiments = new TemplateExperiments(config.experiments(), bookingWriter.templates());
    }

    /** The same bots, offering and booking slots of the team's calendars. */
    public JorgeConversationPolicy withCalendar(BookingCalendar teamCalendars) {
        return new JorgeConversationPolicy(config, understander, scorer, writer, teamCalendars, listings.search());
    }

    /** The same bots, offering a buyer who gave area, budget and size two or three listings from {@code search}. */
    public JorgeConversationPolicy withListings(ListingSearch search) {
        return new JorgeConversationPolicy(config, understander, scorer, writer, calendar, search);
    }

    /**
     * The production wiring from plain settings: the understanding model, the given lead scorer,
     * templates, and the Bedrock writer when a model id is configured. Loads the embedding model
     * (about a second): build once per process.
     */
    public static JorgeConversationPolicy create(BotSettings config, LeadScorer scorer) {
        return create(config, LeadMessageUnderstander.load(), scorer);
    }

    /** As above, scoring with the rule-based estimate. */
    public static JorgeConversationPolicy create(BotSettings config) {
        return create(config, new RuleBasedLeadScorer());
    }

    public static JorgeConversationPolicy create(BotSettings config, MessageUnderstander understander) {
        return create(config, understander, new RuleBasedLeadScorer());
    }

    public static JorgeConversationPolicy create(BotSettings config, MessageUnderstander understander,
                                                 LeadScorer scorer) {
        TemplateReplyWriter templates = new TemplateReplyWriter(ReplyTemplates.load());
        ReplyWriter writer = templates;
        BedrockSettings bedrock = config.bedrock();
        if (bedrock != null) {
            writer = new BedrockReplyWriter(
                    BedrockReplyWriter.client(bedrock.region(), bedrock.endpoint(), bedrock.deadline()),
                    bedrock.modelId(), bedrock.deadline(), templates);
        }
        return new JorgeConversationPolicy(config, understander, scorer, writer);
    }

    public BotSettings settings() {
        return config;
    }

    ReplyWriter writer() {
        return writer;
    }

    @Override
    public BotTurn respond(ConversationContext context, InboundText message) {
        return withVariants(context, decide(context, message));
    }

    /** A turn that says something names the experiment variants its wording took part in (the exposure). */
    BotTurn withVariants(ConversationContext context, BotTurn turn) {
        if (turn.replies().isEmpty()) {
            return turn;
        }
        Map<String, String> variants = variants(context);
        return variants.isEmpty() ? turn : turn.withExperiments(variants);
    }

    /** The lead's variant of each experiment that applies (its bot, from its start day in the location's zone). */
    private Map<String, String> variants(ConversationContext context) {
        return variants(context.lead(), context.state(), context.now());
    }

    Map<String, String> variants(LeadRef lead, ConversationState state, Instant now) {
        BotType bot = state.botType() == null ? BotType.SELLER : state.botType();
        return experiments.variants(lead.contactId(), bot, LocalDate.ofInstant(now, config.locationZone(lead.locationId())));
    }

    private BotTurn decide(ConversationContext context, InboundText message) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
        ConversationState state = Objects.requireNonNull(context.state(), "context.state");
        Instant now = Objects.requireNonNull(context.now(), "context.now");
        String body = message.body() == null ? "" : message.body();
        if (body.length() > MAX_INBOUND_CHARS) {
            body = body.substring(0, MAX_INBOUND_CHARS);
        }
        Stage stage = Stage.of(state.stage());
        LeadFacts facts = new LeadFacts(state.facts());
        facts.setCount(LeadFacts.UNANSWERED_FOLLOW_UPS, 0); // the lead answered
        Instant receivedAt = message.receivedAt() == null ? now : message.receivedAt();

        if (state.optedOut() || stage.silencedForever()) {
            return BotTurn.silent(next(state, stage, state.botType(), state.language(), facts, state.temperature(),
                    state.temperatureReasons(), true, receivedAt, state.lastReplyAt()));
        }

        BotType side = state.botType() == null ? BotType.SELLER : state.botType();
        // a new lead's first text is read without assuming a side: "pre-approved for 450k" is a budget,
        // not an asking price, even when the lead was routed to the seller bot
        MessageUnderstanding understanding;
        try {
            understanding = understander.understand(body, stage == Stage.NEW ? LeadSide.UNKNOWN : leadSide(side));
        } catch (RuntimeException | StackOverflowError e) {
            // a text the readers cannot take must not silence the lead: a safe reply, and a person takes over
            log.warn("message could not be understood ({}); handing the lead to a person", e.getClass().getSimpleName());
            return unreadable(context, state, facts, side, receivedAt, now);
        }
        String language = languageOf(understanding, state.language(), body, stage == Stage.NEW);
        if (understanding.optOut()) {
            return optOut(context, state, facts, side, language, receivedAt, now);
        }
        if (understanding.has(Intent.WRONG_NUMBER)) {
            facts.setInternal(WRONG_NUMBER, "true");
            return new BotTurn(List.of(), crm.wrongNumber(), next(state, Stage.WRONG_NUMBER, side, language, facts,
                    Temperature.COLD, List.of("wrong number"), true, receivedAt, state.lastReplyAt()));
        }

        if (understanding.possibleOptOut()) {
            // a probable request to stop that the rules did not confirm: no text at all (TCPA: texting someone who asked
            // to stop is the costly error); the bot pauses itself and a person reads the message. Stage and temperature stay.
            log.info("possible opt-out: no reply; the bot is paused for a person to confirm or resume");
            return new BotTurn(List.of(), PossibleOptOutHold.actions(), next(state, stage, side, language, facts, state.temperature(),
                    state.temperatureReasons(), false, receivedAt, state.lastReplyAt()).withPausedUntil(ConversationState.UNTIL_GIVEN_BACK));
        }

        // which side the lead is on may change with this message
        Set<String> learned = new LinkedHashSet<>();
        side = chooseSide(side, understanding, facts);
        absorb(understanding, side, facts, learned);
        boolean firstMessage = stage == Stage.NEW;

        ZoneId leadZone = context.leadZone() != null ? context.leadZone() : config.locationZone(context.lead().locationId());
        StateTextingRules.Hold held = hold(config, context, now, false);
        Instant textsNotBefore = held == null ? null : held.until();
        BookingTurns.Lead bookingLead = new BookingTurns.Lead(context.lead(), leadZone, now, language, facts, textsNotBefore);
        boolean paused = state.pausedAt(now);
        // a showing asked for while call slots are on offer is a new request: the showing calendar's slots
        boolean newShowingRequest = understanding.has(Intent.WANTS_SHOWING) && BookingTurns.offerPending(facts)
                && BookingTurns.offeredFor(facts) == AppointmentPurpose.CALL;
        if (!paused && !newShowingRequest
                && (stage == Stage.HANDED_OFF || BookingTurns.offerPending(facts) || BookingTurns.booked(facts))) {
            Optional<BookingTurns.Step> step = booking.answer(bookingLead, body,
                    understanding.value(SlotName.CONTACT_TIME).isPresent(), (p, v) -> render(context, state, facts, language, p, v));
            if (step.isPresent()) {
                return bookingTurn(context, state, facts, side, language, stage, step.get(), receivedAt, now, held);
            }
        }

        if (!paused && stage == Stage.HANDED_OFF
                && (understanding.has(Intent.WANTS_SHOWING) || understanding.has(Intent.WANTS_CALL))) {
            // "can we see a few homes this weekend?" after the hand-off: times, or the booked one, never silence
            return bookingTurn(context, state, facts, side, language, stage,
                    booking.askedAfterHandOff(bookingLead, purpose(side, understanding), body,
                            understanding.value(SlotName.CONTACT_TIME).isPresent()), receivedAt, now, held);
        }

        boolean botSilent = paused || stage == Stage.HANDED_OFF;
        Decision decision = botSilent
                ? new Decision(stage, side, List.of(), null, false)
                : decider.decide(stage, side, facts, understanding, firstMessage, !learned.isEmpty());
        side = decision.side();
        List<ReplyPart> parts = decision.parts();

        TemperatureAssessment assessment = assess(side, facts, variants(context.lead(), state.withBotType(side), now));
        // the worker records who scored the lead (lead_scores.model_version) from these, not from the reasons' wording
        facts.setInternal(LeadFacts.SCORE, String.format(java.util.Locale.ROOT, "%.6f", assessment.score()));
        facts.setInternal(LeadFacts.SCORE_MODEL_VERSION, assessment.modelVersion());
        Map<String, String> fields = new LinkedHashMap<>();
        facts.changedFacts().forEach((key, value) -> fields.put(fieldOf(key), value));
        PipelineRules.temperatureFields(fields, state.temperature(), assessment);
        PipelineRules.CrmPlan crmPlan = crm.plan(new PipelineRules.TurnOutcome(stage, decision.stage(), side,
                firstMessage, botSilent, decision.bookingAccepted(), understanding.has(Intent.WANTS_SHOWING),
                facts.hasSignal(Signal.HAS_AGENT), state.temperature(), assessment, fields));
        Stage nextStage = decision.stage();
        List<CrmAction> actions = crmPlan.actions();
        Map<String, String> extraValues = Map.of();
        boolean wantsAgent = !botSilent && (decision.bookingAccepted() || crmPlan.hotHandOff());
        // times on offer are not offered again each turn: only when the lead asks, or the offer lapsed
        boolean asksAgain = understanding.has(Intent.WANTS_CALL) || understanding.has(Intent.WANTS_SHOWING);
        boolean offerStands = !botSilent && !asksAgain && BookingTurns.offerStanding(facts, now);
        if (offerStands && (decision.stage() == Stage.NURTURE || decision.stage() == Stage.CLOSED)) {
            BookingTurns.dropOffer(facts); // "not now", "no thanks": the qualification's answer, and no more times
            offerStands = false;
        }
        Optional<BookingTurns.Step> pending = offerStands
                ? Optional.of(booking.stillPending(bookingLead, decision.parts(), understanding.value(SlotName.CONTACT_TIME).orElse(null)))
                : Optional.empty();
        Optional<BookingTurns.Step> offer = wantsAgent && !offerStands && !BookingTurns.booked(facts)
                ? booking.offer(bookingLead, purpose(side, understanding), body, handOffReason(actions), offerPreamble(firstMessage))
                : Optional.empty();
        if (pending.isPresent()) {
            parts = pending.get().parts();
            extraValues = pending.get().values();
            actions = new ArrayList<>(withoutRepeats(actions, state.temperature()));
            actions.addAll(pending.get().actions());
            nextStage = pending.get().handOff() ? Stage.HANDED_OFF : Stage.BOOKING;
        } else if (offer.isPresent()) {
            // the hand-off waits for the lead's choice, and then carries the booked time
            parts = offer.get().parts();
            extraValues = offer.get().values();
            actions = actions.stream().filter(a -> !(a instanceof CrmAction.HandOff)).toList();
            nextStage = Stage.BOOKING;
        } else if (crmPlan.hotHandOff()) {
            if (nextStage != Stage.HANDED_OFF) {
                List<ReplyPart> handOff = new ArrayList<>();
                if (firstMessage) {
                    handOff.add(ReplyPart.optional("greet"));
                }
                handOff.add(ReplyPart.required(facts.has(Fact.LEAD_CONTACT_TIME) ? "handoff.hot" : "handoff.hot_ask_time"));
                parts = handOff;
            }
            nextStage = Stage.HANDED_OFF;
        }
        if (offer.isEmpty() && pending.isEmpty() && nextStage == Stage.HANDED_OFF && stage != Stage.HANDED_OFF) {
            String window = facts.has(Fact.LEAD_CONTACT_TIME) ? "lead's preferred time: " + facts.get(Fact.LEAD_CONTACT_TIME) : null;
            actions = actions.stream().map(a -> a instanceof CrmAction.HandOff h ? new CrmAction.HandOff(h.reason(), window) : a).toList();
            BookingTurns.handedOff(facts, parts.stream().anyMatch(p -> p.key().endsWith("_ask_time")));
        }

        Question asked = nextStage == Stage.HANDED_OFF || offer.isPresent() || pending.isPresent() ? null : decision.asked();
        if (asked != null) {
            facts.setCount(asked.askedCountKey(), facts.count(asked.askedCountKey()) + 1);
        }
        facts.setInternal(LeadFacts.LAST_QUESTION, asked == null ? null : asked.name());

        List<String> replies = new ArrayList<>();
        LlmUsage usage = LlmUsage.NONE;
        if (!parts.isEmpty()) {
            String text;
            if (offer.isPresent() || pending.isPresent()) {
                text = render(context, state, facts, language, parts, extraValues);
            } else {
                WrittenReply written = writer.writeReply(plan(context, state, facts, language, parts, body,
                        Tone.PROFESSIONAL == config.tone() || understanding.has(Intent.ANGRY) ? Tone.PROFESSIONAL : Tone.FRIENDLY));
                text = written.text();
                usage = written.usage();
            }
            if (!text.isBlank()) {
                replies.add(text);
            }
        }
        if (!botSilent && offer.isEmpty() && nextStage != Stage.HANDED_OFF) {
            listings.offer(context.lead(), side, facts, language).ifPresent(text -> replies.add(0, text));
        }
        Instant notBefore = replies.isEmpty() ? null : textsNotBefore;
        Instant lastReplyAt = replies.isEmpty() ? state.lastReplyAt() : (notBefore == null ? now : notBefore);
        ConversationState nextState = next(state, nextStage, side, language, facts, assessment.temperature(),
                assessment.reasons(), false, receivedAt, lastReplyAt);
        return new BotTurn(replies, actions, nextState, notBefore, notBefore == null ? null : held.reason(), usage,
                replies.isEmpty() ? null : objectionOf(parts), List.of());
    }

    /** The objection this turn's reply answers ({@code objection.not_now} → {@code not_now}), or null. */
    static String objectionOf(List<ReplyPart> parts) {
        return parts.stream().map(ReplyPart::key).filter(k -> k.startsWith(OBJECTION_PREFIX))
                .map(k -> k.substring(OBJECTION_PREFIX.length())).findFirst().orElse(null);
    }

    /** A turn the booking answered: its reply now (or after quiet hours), its actions, the facts it changed. */
    private BotTurn bookingTurn(ConversationContext context, ConversationState state, LeadFacts facts, BotType side,
                                String language, Stage stage, BookingTurns.Step step, Instant receivedAt, Instant now,
                                StateTextingRules.Hold held) {
        Instant notBefore = held == null ? null : held.until();
        List<String> replies = step.parts().isEmpty() ? List.of()
                : List.of(render(context, state, facts, language, step.parts(), step.values()));
        List<CrmAction> actions = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        facts.changedFacts().forEach((key, value) -> fields.put(fieldOf(key), value));
        if (!fields.isEmpty()) actions.add(new CrmAction.UpdateFields(fields));
        actions.addAll(step.actions());
        if (step.actions().stream().anyMatch(a -> a instanceof CrmAction.BookAppointment)) {
            actions.add(new CrmAction.MoveOpportunity(config.stages().appointment()));
        }
        facts.setInternal(LeadFacts.LAST_QUESTION, null);
        Stage next = step.handOff() ? Stage.HANDED_OFF : stage;
        Instant sentAt = replies.isEmpty() ? state.lastReplyAt() : (notBefore == null ? now : notBefore);
        return new BotTurn(replies, actions, next(state, next, side, language, facts, state.temperature(),
                state.temperatureReasons(), false, receivedAt, sentAt), replies.isEmpty() ? null : notBefore,
                replies.isEmpty() || held == null ? null : held.reason());
    }

    private String render(ConversationContext context, ConversationState state, LeadFacts facts, String language,
                          List<ReplyPart> parts, Map<String, String> values) {
        ReplyPlan base = plan(context, state, facts, language, parts, "", config.tone());
        Map<String, String> all = new LinkedHashMap<>(base.values());
        all.putAll(values);
        return bookingWriter.write(new ReplyPlan(base.language(), base.tone(), parts, all, base.seed(), "", base.templateSet()));
    }

    /**
     * A turn's CRM actions while an offer stands, less what the offer's own turn already did: the
     * request's tags and stage, the hot-lead tags and stage when the lead was already hot, and the
     * hand-off, which waits for the choice (or goes with {@link BookingTurns#stillPending}'s).
     */
    private List<CrmAction> withoutRepeats(List<CrmAction> actions, Temperature before) {
        Set<String> repeatedTags = before == Temperature.HOT
                ? Set.of("call-requested", "showing-requested", "hot-lead") : Set.of("call-requested", "showing-requested");
        Set<String> repeatedStages = before == Temperature.HOT
                ? Set.of(config.stages().appointment(), config.stages().hot()) : Set.of(config.stages().appointment());
        List<CrmAction> kept = new ArrayList<>();
        for (CrmAction action : actions) {
            switch (action) {
                case CrmAction.HandOff h -> { }
                case CrmAction.MoveOpportunity m when repeatedStages.contains(m.stageName()) -> { }
                case CrmAction.AddTags t -> {
                    List<String> tags = t.tags().stream().filter(tag -> !repeatedTags.contains(tag)).toList();
                    if (!tags.isEmpty()) kept.add(new CrmAction.AddTags(tags));
                }
                default -> kept.add(action);
            }
        }
        return kept;
    }

    /** A showing for a buyer, a listing appointment for a seller who asks to be visited, else a call. */
    private static AppointmentPurpose purpose(BotType side, MessageUnderstanding understanding) {
        if (!understanding.has(Intent.WANTS_SHOWING)) return AppointmentPurpose.CALL;
        return side == BotType.SELLER ? AppointmentPurpose.LISTING : AppointmentPurpose.SHOWING;
    }

    /** The showing offer says it is happy to set one up: no separate acknowledgement. */
    private static List<ReplyPart> offerPreamble(boolean firstMessage) {
        List<ReplyPart> parts = new ArrayList<>();
        if (firstMessage) parts.add(ReplyPart.optional("greet"));
        return parts;
    }

    private static String handOffReason(List<CrmAction> actions) {
        return actions.stream().filter(a -> a instanceof CrmAction.HandOff).map(a -> ((CrmAction.HandOff) a).reason())
                .findFirst().orElse("asked for an appointment");
    }

    /** A lead on both sides is as hot as the hotter side. */
    private TemperatureAssessment assess(BotType side, LeadFacts facts, Map<String, String> variants) {
        TemperatureAssessment mine = temperatures.assess(side, facts, Qualification.of(side).questions(), variants);
        BotType other = Qualification.other(side);
        if (!facts.anyOf(other == BotType.SELLER ? "seller." : "buyer.")) {
            return mine;
        }
        TemperatureAssessment theirs = temperatures.assess(other, facts, Qualification.of(other).questions(), variants);
        boolean theirsHotter = theirs.temperature().compareTo(mine.temperature()) > 0
                || (theirs.temperature() == mine.temperature() && theirs.score() > mine.score());
        if (!theirsHotter) {
            return mine;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("as a " + other.name().toLowerCase() + ":");
        reasons.addAll(theirs.reasons());
        return new TemperatureAssessment(theirs.temperature(), reasons, theirs.score(), theirs.completeness(),
                theirs.modelVersion());
    }

    private BotTurn optOut(ConversationContext context, ConversationState state, LeadFacts facts, BotType side,
                           String language, Instant receivedAt, Instant now) {
        facts.setInternal(OPTED_OUT_REASON, "lead opted out by text");
        // the one confirmation answers the lead's own message, so it is not held for quiet hours
        WrittenReply confirmation = writer.writeReply(plan(context, state, facts, language,
                List.of(ReplyPart.required("optout.confirm")), "", config.tone()));
        return new BotTurn(List.of(confirmation.text()), crm.optedOut(), next(state, Stage.OPTED_OUT, side, language, facts,
                Temperature.COLD, List.of("opted out"), true, receivedAt, now)).withLlmUsage(confirmation.usage());
    }

    /** The safe answer to a text the bot cannot read: acknowledged in the conversation's language, handed to a person. */
    private BotTurn unreadable(ConversationContext context, ConversationState state, LeadFacts facts, BotType side,
                               Instant receivedAt, Instant now) {
        String language = state.language() == null ? "en" : state.language();
        WrittenReply reply = writer.writeReply(plan(context, state, facts, language, List.of(ReplyPart.required("fallback.unreadable")),
                "", config.tone()));
        StateTextingRules.Hold held = hold(config, context, now, false);
        Instant notBefore = held == null ? null : held.until();
        ConversationState next = next(state, Stage.HANDED_OFF, side, language, facts, state.temperature(),
                state.temperatureReasons(), false, receivedAt, notBefore == null ? now : notBefore);
        return new BotTurn(List.of(reply.text()), crm.unreadable(), next, notBefore, held == null ? null : held.reason())
                .withLlmUsage(reply.usage());
    }

    /** Stores this message's slots and remembered intents; fills a bare yes/no into the question just asked. */
    private static void absorb(MessageUnderstanding understanding, BotType side, LeadFacts facts, Set<String> learned) {
        for (Slot slot : understanding.slots()) {
            if (describesOwnHome(slot.name(), side, understanding)) {
                continue;
            }
            Fact.forSlot(slot.name(), side).ifPresent(fact -> {
                if (facts.put(fact, slot.value())) {
                    learned.add(fact.key());
                }
            });
        }
        boolean asksForAgent = understanding.has(Intent.WANTS_CALL) || understanding.has(Intent.WANTS_SHOWING);
        if (asksForAgent) {
            // an explicit request outweighs reluctance the lead showed earlier
            for (Signal reluctance : RELUCTANCE) {
                facts.setInternal(reluctance.key(), null);
            }
        }
        for (Intent intent : understanding.intents()) {
            Signal.of(intent)
                    .filter(signal -> !(asksForAgent && RELUCTANCE.contains(signal)))
                    .filter(signal -> !(signal == Signal.NOT_INTERESTED && !learned.isEmpty()))
                    .ifPresent(facts::mark);
        }
        if ("yes".equals(facts.get(Fact.BUYER_HOME_TO_SELL))) {
            facts.mark(Signal.SELLING);
        }
        String lastQuestion = facts.raw(LeadFacts.LAST_QUESTION);
        if (lastQuestion != null) {
            Question question;
            try {
                question = Question.valueOf(lastQuestion);
            } catch (IllegalArgumentException e) {
                return; // a question from an older release
            }
            boolean yes = understanding.has(Intent.AFFIRMATIVE);
            boolean no = understanding.has(Intent.NEGATIVE);
            if (question.yesNo() && yes != no && !facts.has(question.primaryFact())) {
                facts.put(question.primaryFact(), yes ? "yes" : "no");
                learned.add(question.primaryFact().key());
            }
        }
    }

    /**
     * A seller's "Austin", "condo" or "3 bed" describe the home they sell, not one they want: such
     * slots are buyer facts only in a text that is about buying alone and gives no address.
     */
    private static boolean describesOwnHome(SlotName slot, BotType side, MessageUnderstanding understanding) {
        if (side != BotType.SELLER || !OWN_HOME_SLOTS.contains(slot)) {
            return false;
        }
        boolean aboutBuyingOnly = understanding.has(Intent.BUYING) && !understanding.has(Intent.SELLING)
                && understanding.value(SlotName.PROPERTY_ADDRESS).isEmpty();
        return !aboutBuyingOnly;
    }

    /**
     * A lead who only talks about the other side, before this side learned anything, was routed to the
     * wrong bot: switch now. Otherwise the other side's interest is remembered and taken up when this
     * side's questions are done.
     */
    private static BotType chooseSide(BotType side, MessageUnderstanding understanding, LeadFacts facts) {
        BotType other = Qualification.other(side);
        Qualification mine = Qualification.of(side);
        Qualification theirs = Qualification.of(other);
        boolean otherSlots = false;
        boolean mySlots = false;
        for (Slot slot : understanding.slots()) {
            Fact fact = Fact.forSlot(slot.name(), side).orElse(null);
            if (fact != null && fact.belongsTo(other) && !describesOwnHome(slot.name(), side, understanding)) {
                otherSlots = true;
            }
            if (fact != null && fact.belongsTo(side) && slot.name() != SlotName.TIMELINE) {
                mySlots = true;
            }
        }
        boolean wantsOther = understanding.has(theirs.intent()) && !understanding.has(mine.intent());
        boolean nothingKnownHere = !facts.anyOf(side == BotType.SELLER ? "seller." : "buyer.");
        if ((wantsOther || (otherSlots && !mySlots)) && nothingKnownHere) {
            return other;
        }
        return side;
    }

    ReplyPlan plan(ConversationContext context, ConversationState state, LeadFacts facts, String language,
                   List<ReplyPart> parts, String leadMessage, Tone tone) {
        Map<String, String> values = new LinkedHashMap<>();
        String name = facts.has(Fact.LEAD_NAME) ? facts.get(Fact.LEAD_NAME) : context.firstName();
        if (name != null && !name.isBlank()) {
            values.put("name", name);
        }
        values.put("agent", config.agentName());
        values.put("team", config.teamName());
        String seed = context.lead().locationId() + "/" + context.lead().contactId() + "#" + state.turns()
                + "." + facts.count(LeadFacts.UNANSWERED_FOLLOW_UPS);
        return new ReplyPlan(language, tone, parts, values, seed, leadMessage, experiments.templateSet(variants(context)));
    }

    /**
     * Null when a text may go out now, else when and why it waits: quiet hours in every candidate zone
     * (and the recipient's state's sending hours, {@code state-texting-rules.txt}) and, for a text the bots
     * start ({@code initiated}: a follow-up), the state's limit per 24 hours.
     */
    static StateTextingRules.Hold hold(BotSettings config, ConversationContext context, Instant now, boolean initiated) {
        List<ZoneId> zones = new ArrayList<>();
        if (context.leadZone() != null) {
            zones.add(context.leadZone());
        }
        ZoneId location = config.locationZone(context.lead().locationId());
        if (!zones.contains(location)) {
            zones.add(location);
        }
        StateTextingRules rules = config.stateRules();
        String state = rules.stateOfPhone(context.phone()).orElse(null);
        List<TextingWindow> windows = rules.windowsFor(state, config.quietHours());
        Instant allowed = TextingWindow.nextAllowed(now, windows, zones);
        String reason = allowed.equals(now) ? null : rules.hasHours(state) ? "quiet_hours_" + state : "quiet_hours";
        if (initiated) {
            Optional<StateTextingRules.Hold> limit = rules.limitHold(state, initiatedTexts(context.state()), now);
            if (limit.isPresent() && limit.get().until().isAfter(allowed)) {
                allowed = TextingWindow.nextAllowed(limit.get().until(), windows, zones);
                reason = limit.get().reason();
            }
        }
        return reason == null ? null : new StateTextingRules.Hold(allowed, reason);
    }

    /** When the texts the bots started (follow-ups) went out, for a state's limit per 24 hours. */
    static List<Instant> initiatedTexts(ConversationState state) {
        String raw = state.facts().get(INITIATED_TEXTS);
        return raw == null || raw.isBlank() ? List.of() : java.util.Arrays.stream(raw.split(",")).map(Instant::parse).toList();
    }

    /** Remembers a text the bots start at {@code at}, forgetting those older than a day. */
    static void recordInitiated(LeadFacts facts, ConversationState state, Instant at) {
        List<String> kept = new ArrayList<>();
        for (Instant t : initiatedTexts(state)) {
            if (t.isAfter(at.minus(java.time.Duration.ofHours(24)))) kept.add(t.toString());
        }
        kept.add(at.toString());
        facts.setInternal(INITIATED_TEXTS, String.join(",", kept));
    }

    /** The conversation keeps its language unless a message of some length is clearly in the other one. */
    private static String languageOf(MessageUnderstanding understanding, String current, String body, boolean first) {
        String detected = understanding.language();
        boolean known = "es".equals(detected) || "en".equals(detected);
        if (current == null || (known && (first || body.strip().split("\\s+").length >= 3))) {
            return known ? detected : "en";
        }
        return current;
    }

    private static LeadSide leadSide(BotType side) {
        return side == BotType.BUYER ? LeadSide.BUYER : LeadSide.SELLER;
    }

    private static String fieldOf(String factKey) {
        for (Fact fact : Fact.values()) {
            if (fact.key().equals(factKey)) {
                return fact.crmField();
            }
        }
        return "contact." + factKey.replace('.', '_');
    }

    private static ConversationState next(ConversationState state, Stage stage, BotType side, String language,
                                          LeadFacts facts, Temperature temperature, List<String> reasons,
                                          boolean optedOut, Instant receivedAt, Instant lastReplyAt) {
        ConversationState next = state.withBotType(side).withStage(stage.id()).withLanguage(language)
                .withFacts(facts.asMap()).withTurns(state.turns() + 1).withTemperature(temperature, reasons)
                .withInbound(receivedAt).withReply(lastReplyAt);
        return optedOut ? next.withOptedOut() : next;
    }
}
