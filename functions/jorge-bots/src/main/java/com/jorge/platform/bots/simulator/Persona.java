package com.jorge.platform.bots.simulator;

import com.jorge.platform.conversation.BotType;

import java.util.List;
import java.util.Objects;

/**
 * A simulated lead: who they are, what they text (in order), and where a good bot ends up with them.
 * Loaded from {@code /jorge-bots/personas.json} by {@link Personas}; another module (the local
 * runtime) can replay the same texts end to end through the worker.
 */
public record Persona(String id, String description, BotType startsAs, String firstName, String phone,
                      List<String> messages, ExpectedOutcome expected) {
    public Persona {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAs, "startsAs of " + id);
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("persona " + id + " has no messages");
        }
        Objects.requireNonNull(expected, "expected of " + id);
    }
}
