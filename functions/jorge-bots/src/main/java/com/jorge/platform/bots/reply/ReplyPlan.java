package com.jorge.platform.bots.reply;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the policy decided to say, before it is worded: the parts in order, the language and tone,
 * the values the words may use (name, agent, team) and a seed that picks the same variation for the
 * same lead and turn every time.
 *
 * @param leadMessage the lead's text being answered (context for an LLM writer; never echoed by templates)
 */
public record ReplyPlan(String language, Tone tone, List<ReplyPart> parts, Map<String, String> values,
                        String seed, String leadMessage) {
    public ReplyPlan {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(seed, "seed");
        parts = List.copyOf(parts);
        values = Map.copyOf(values);
        leadMessage = leadMessage == null ? "" : leadMessage;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }
}
