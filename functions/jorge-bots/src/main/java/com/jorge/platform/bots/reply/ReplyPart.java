package com.jorge.platform.bots.reply;

import java.util.Objects;

/**
 * One thing the reply says, by template key. Optional parts (a greeting, an acknowledgement) are
 * dropped, last first, when the whole reply would not fit in two SMS segments.
 */
public record ReplyPart(String key, boolean optional) {
    public ReplyPart {
        Objects.requireNonNull(key, "key");
    }

    public static ReplyPart required(String key) {
        return new ReplyPart(key, false);
    }

    public static ReplyPart optional(String key) {
        return new ReplyPart(key, true);
    }
}
