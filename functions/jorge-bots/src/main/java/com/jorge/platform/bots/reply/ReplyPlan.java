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
 * @param templateSet the template library's variant set an experiment gave this lead ({@code variants} in
 *                    reply-templates.json), or null for the base templates
 */
public record ReplyPlan(String language, Tone tone, List<ReplyPart> parts, Map<String, String> values,
                        String seed, String leadMessage, String templateSet) {
    public ReplyPlan {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(seed, "seed");
        parts = List.copyOf(parts);
        values = Map.copyOf(values);
        leadMessage = leadMessage == null ? "" : leadMessage;
    }

    /** A plan worded from the base templates. */
    public ReplyPlan(String language, Tone tone, List<ReplyPart> parts, Map<String, String> values, String seed,
                     String leadMessage) {
        this(language, tone, parts, values, seed, leadMessage, null);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }
}
