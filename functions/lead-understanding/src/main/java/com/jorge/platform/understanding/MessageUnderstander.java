package com.jorge.platform.understanding;

/** Reads one inbound lead message. Implementations are thread-safe and built once per process. */
public interface MessageUnderstander {

    MessageUnderstanding understand(String text, LeadSide side);

    default MessageUnderstanding understand(String text) {
        return understand(text, LeadSide.UNKNOWN);
    }
}
