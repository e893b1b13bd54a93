package com.jorge.platform.bots.reply;

import java.util.Locale;

/** How the bot sounds; in Spanish FRIENDLY speaks "tú" and PROFESSIONAL "usted". */
public enum Tone {
    FRIENDLY, PROFESSIONAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tone of(String id) {
        for (Tone tone : values()) {
            if (tone.id().equalsIgnoreCase(id.strip())) {
                return tone;
            }
        }
        throw new IllegalArgumentException("unknown tone '" + id + "' (expected friendly or professional)");
    }
}
