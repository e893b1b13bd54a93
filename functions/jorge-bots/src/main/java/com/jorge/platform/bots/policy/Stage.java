package com.jorge.platform.bots.policy;

import java.util.Locale;

/** Where one lead's conversation stands; stored as {@code ConversationState.stage}. */
public enum Stage {
    /** nothing said yet */
    NEW,
    /** asking the qualification questions, one at a time */
    QUALIFYING,
    /** offered a call or a showing, waiting for a yes and a time */
    BOOKING,
    /** a human agent has it; the bot no longer leads */
    HANDED_OFF,
    /** not ready now: only spaced follow-ups until the lead re-engages */
    NURTURE,
    /** has an agent or is not interested: no follow-ups, answers only if the lead re-engages */
    CLOSED,
    /** opted out: never texted again */
    OPTED_OUT,
    /** said wrong number: never texted again */
    WRONG_NUMBER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a stored stage; the platform's fresh state says "new", anything unknown reads as NEW. */
    public static Stage of(String id) {
        if (id == null) {
            return NEW;
        }
        for (Stage stage : values()) {
            if (stage.id().equals(id)) {
                return stage;
            }
        }
        return NEW;
    }

    public boolean silencedForever() {
        return this == OPTED_OUT || this == WRONG_NUMBER;
    }
}
