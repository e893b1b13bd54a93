package com.jorge.platform.understanding;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The default understander: patterns for what must be exact (money, times, counts, e-mail, opt-out)
 * and a sentence-embedding model for intents. Loading the model takes about a second, so build one
 * with {@link #load()} at cold start and share it; {@link #understand} is thread-safe.
 */
public final class LeadMessageUnderstander implements MessageUnderstander {

    private final Clock clock;

    private LeadMessageUnderstander(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads the embedding model and exemplars; relative times are read against the system clock. */
    public static LeadMessageUnderstander load() {
        return load(Clock.systemUTC());
    }

    /** As {@link #load()}, with relative times ("in 3 months", "by June") read against {@code clock}. */
    public static LeadMessageUnderstander load(Clock clock) {
        return new LeadMessageUnderstander(clock);
    }

    @Override
    public MessageUnderstanding understand(String text, LeadSide side) {
        // skeleton: the real extractors land in the next commits
        return new MessageUnderstanding("en", List.of(), EnumSet.of(Intent.OTHER), false);
    }
}
