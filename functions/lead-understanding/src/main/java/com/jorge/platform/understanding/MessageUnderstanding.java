package com.jorge.platform.understanding;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one inbound message says. {@code optOut} is decided by the patterns, or by the fine-tuned reader where they missed
 * one, and is also present as {@link Intent#OPT_OUT} in {@code intents}. {@code possibleOptOut}: the message may be a
 * request to stop that neither confirmed (a stop word, anger, a legal threat); never true when {@code optOut} is.
 */
public record MessageUnderstanding(String language, List<Slot> slots, Set<Intent> intents, boolean optOut, boolean possibleOptOut) {
    public MessageUnderstanding {
        slots = List.copyOf(slots);
        intents = Set.copyOf(intents);
        possibleOptOut = possibleOptOut && !optOut;
    }

    /** An understanding with no possible opt-out beyond what {@code optOut} says. */
    public MessageUnderstanding(String language, List<Slot> slots, Set<Intent> intents, boolean optOut) {
        this(language, slots, intents, optOut, false);
    }

    public MessageUnderstanding withPossibleOptOut(boolean possible) {
        return new MessageUnderstanding(language, slots, intents, optOut, possible);
    }

    /** The same understanding read as a request to stop: OPT_OUT among its intents, no side and no call (as the rules read one). */
    public MessageUnderstanding asOptOut() {
        EnumSet<Intent> read = EnumSet.of(Intent.OPT_OUT);
        read.addAll(intents);
        read.removeAll(EnumSet.of(Intent.SELLING, Intent.BUYING, Intent.WANTS_CALL, Intent.OTHER));
        return new MessageUnderstanding(language, slots, read, true, false);
    }

    /** The same understanding read with other intents (a learned reader's); the opt-out stays as it was. */
    public MessageUnderstanding withIntents(Set<Intent> read) {
        return new MessageUnderstanding(language, slots, read, optOut, possibleOptOut);
    }

    public boolean has(Intent intent) {
        return intents.contains(intent);
    }

    /** The first value found for a slot. */
    public Optional<String> value(SlotName name) {
        return slots.stream().filter(s -> s.name() == name).map(Slot::value).findFirst();
    }

    public List<String> values(SlotName name) {
        return slots.stream().filter(s -> s.name() == name).map(Slot::value).toList();
    }
}
