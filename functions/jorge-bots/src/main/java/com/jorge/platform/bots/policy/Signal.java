package com.jorge.platform.bots.policy;

import com.jorge.platform.understanding.Intent;

import java.util.Optional;

/**
 * An intent worth remembering across messages, kept in the facts as {@code signal.<name>} = "true":
 * the temperature looks at what the lead has said over the whole conversation, not one text.
 */
public enum Signal {
    WANTS_CALL, WANTS_SHOWING, ASKS_HOME_VALUE, JUST_LOOKING, HAS_AGENT, PRICE_TOO_HIGH, NOT_NOW,
    NOT_INTERESTED, ANGRY, SELLING, BUYING;

    public String key() {
        return "signal." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Signal> of(Intent intent) {
        return Optional.ofNullable(switch (intent) {
            case WANTS_CALL -> WANTS_CALL;
            case WANTS_SHOWING -> WANTS_SHOWING;
            case ASKS_HOME_VALUE -> ASKS_HOME_VALUE;
            case JUST_LOOKING -> JUST_LOOKING;
            case HAS_AGENT -> HAS_AGENT;
            case PRICE_TOO_HIGH -> PRICE_TOO_HIGH;
            case NOT_NOW -> NOT_NOW;
            case NOT_INTERESTED -> NOT_INTERESTED;
            case ANGRY -> ANGRY;
            case SELLING -> SELLING;
            case BUYING -> BUYING;
            default -> null;
        });
    }
}
