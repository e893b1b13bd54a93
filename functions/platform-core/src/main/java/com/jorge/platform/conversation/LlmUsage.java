package com.jorge.platform.conversation;

/**
 * The LLM tokens a bot turn spent (what the provider bills). {@code estimated} is true when a count could not be
 * read from the provider's answer (a call abandoned at its deadline is billed all the same) and was estimated from
 * the text's length instead ({@link #estimate}).
 */
public record LlmUsage(long inputTokens, long outputTokens, boolean estimated) {

    public static final LlmUsage NONE = new LlmUsage(0, 0, false);

    public LlmUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative, got " + inputTokens + "/" + outputTokens);
        }
    }

    /** The same words, counted deterministically: one token per 4 characters, rounded up (the usual rule of thumb for English). */
    public static long estimate(String text) {
        return text == null || text.isEmpty() ? 0 : (text.length() + 3) / 4;
    }

    public LlmUsage plus(LlmUsage other) {
        if (other == null || other.equals(NONE)) return this;
        return new LlmUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, estimated || other.estimated);
    }

    public boolean isNone() {
        return inputTokens == 0 && outputTokens == 0;
    }
}
