package com.jorge.platform.bots.reply;

import com.jorge.platform.conversation.LlmUsage;

/**
 * A reply as sent, with where its words came from and what wording it cost.
 *
 * @param fallbackReason why the template went out instead of the LLM's text (null when the LLM's text went out,
 *                       or when no LLM is configured)
 * @param usage          the LLM tokens the wording cost, whether or not its text went out ({@link LlmUsage#NONE}
 *                       when no model was called)
 */
public record WrittenReply(String text, boolean fromLlm, String fallbackReason, LlmUsage usage) {
    public WrittenReply {
        usage = usage == null ? LlmUsage.NONE : usage;
    }
}
