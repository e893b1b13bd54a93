package com.jorge.platform.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the platform remembers about one lead's conversation between messages. Stored in Redis
 * (hot copy) and Aurora (system of record). {@code facts} holds the normalised answers the lead
 * gave (budget, timeline, ...) under namespaced keys, so policies can grow without schema changes.
 *
 * @param pausedUntil a human took over until then (null when the bot leads)
 * @param optedOut    the lead opted out: no bot, follow-up or campaign may text them again
 */
public record ConversationState(
        BotType botType,
        String stage,
        String language,
        Map<String, String> facts,
        int turns,
        Temperature temperature,
        List<String> temperatureReasons,
        boolean optedOut,
        Instant pausedUntil,
        Instant lastInboundAt,
        Instant lastReplyAt,
        long version) {

    public static final String NEW_STAGE = "new";

    /** A pause "until given back" (an agent's take-over, the bot's own hold): no clock reaches it, and PostgreSQL and JSON store it. */
    public static final Instant UNTIL_GIVEN_BACK = Instant.parse("9999-01-01T00:00:00Z");

    public ConversationState {
        facts = Map.copyOf(facts);
        temperatureReasons = List.copyOf(temperatureReasons);
    }

    public static ConversationState fresh(BotType botType) {
        return new ConversationState(botType, NEW_STAGE, "en", Map.of(), 0, Temperature.COLD, List.of(),
                false, null, null, null, 0);
    }

    public boolean pausedAt(Instant now) {
        return pausedUntil != null && now.isBefore(pausedUntil);
    }

    // Named withers: a state changes one aspect at a time, so no caller lines up twelve positional components.

    public ConversationState withBotType(BotType side) {
        return new ConversationState(side, stage, language, facts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withStage(String newStage) {
        return new ConversationState(botType, newStage, language, facts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withLanguage(String newLanguage) {
        return new ConversationState(botType, stage, newLanguage, facts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withFacts(Map<String, String> newFacts) {
        return new ConversationState(botType, stage, language, newFacts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withTurns(int newTurns) {
        return new ConversationState(botType, stage, language, facts, newTurns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    /** The lead's temperature and the reasons shown to the team with it. */
    public ConversationState withTemperature(Temperature newTemperature, List<String> reasons) {
        return new ConversationState(botType, stage, language, facts, turns, newTemperature, reasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withPausedUntil(Instant until) {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                optedOut, until, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withOptedOut() {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                true, pausedUntil, lastInboundAt, lastReplyAt, version);
    }

    /** The lead's latest message arrived at {@code at}. */
    public ConversationState withInbound(Instant at) {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, at, lastReplyAt, version);
    }

    /** The bot's latest text went (or is held to go) out at {@code at}. */
    public ConversationState withReply(Instant at) {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, at, version);
    }

    /** The stored version this state was read at (optimistic locking: see {@code ConversationRepository}). */
    public ConversationState withVersion(long storedVersion) {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                optedOut, pausedUntil, lastInboundAt, lastReplyAt, storedVersion);
    }
}
