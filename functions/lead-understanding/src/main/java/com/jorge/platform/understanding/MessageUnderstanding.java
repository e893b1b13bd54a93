package com.jorge.platform.understanding;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one inbound message says. {@code optOut} is decided by patterns alone and is also present as
 * {@link Intent#OPT_OUT} in {@code intents}.
 */
public record MessageUnderstanding(String language, List<Slot> slots, Set<Intent> intents, boolean optOut) {
    public MessageUnderstanding {
        slots = List.copyOf(slots);
        intents = Set.copyOf(intents);
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
