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

    public ConversationState withPausedUntil(Instant until) {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                optedOut, until, lastInboundAt, lastReplyAt, version);
    }

    public ConversationState withOptedOut() {
        return new ConversationState(botType, stage, language, facts, turns, temperature, temperatureReasons,
                true, pausedUntil, lastInboundAt, lastReplyAt, version);
    }
}
