package com.jorge.platform.understanding;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** One understander for all tests: loading the model once keeps the suite fast, as the worker does at cold start. */
final class SharedUnderstander {

    /** The day these tests' relative dates ("next month", "in 60 days") were written against, as the corpus was. */
    static final Clock CLOCK = Clock.fixed(
            ZonedDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));
    static final LeadMessageUnderstander WITH_MODEL = LeadMessageUnderstander.load(CLOCK);
    /** The rules and the exemplars alone, without the learned intent reader (for what tests the rules themselves). */
    static final LeadMessageUnderstander RULES = WITH_MODEL.withIntentReader(LeadMessageUnderstander.IntentReading.RULES);
    static final LeadMessageUnderstander PATTERNS_ONLY = LeadMessageUnderstander.patternsOnly(CLOCK);

    /** Intents written as {@code "BUYING;WANTS_SHOWING"}, as the phrasing tests' tables give them. */
    static Set<Intent> intents(String names) {
        return Arrays.stream(names.split(";")).map(Intent::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Intent.class)));
    }

    private SharedUnderstander() {
    }
}
