package com.jorge.platform.bi.attribution;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * One thing that happened on a lead's way to a won deal: where it came from (lead source and campaign),
 * a channel it first wrote on, a bot conversation, a human agent accepting the hand-off, an appointment.
 *
 * @param key      the lead source, channel, bot, agent id or calendar the credit goes to
 * @param campaign the lead source's campaign when GHL sent one (source touches only), else null
 */
public record Touch(Kind kind, String key, String campaign, Instant at) {

    public enum Kind {
        SOURCE, CHANNEL, BOT, AGENT, APPOINTMENT;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String sqlName) {
            return valueOf(sqlName.toUpperCase(Locale.ROOT));
        }
    }

    /** Journey order: by time; at the same moment the source comes before the channel, and so on. */
    public static final Comparator<Touch> JOURNEY = Comparator.comparing(Touch::at)
            .thenComparing(Touch::kind).thenComparing(Touch::key);

    public Touch {
        if (kind == null || key == null || at == null) throw new IllegalArgumentException("a touch needs kind, key and time");
    }
}
