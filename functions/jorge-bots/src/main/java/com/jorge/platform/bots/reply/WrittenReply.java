package com.jorge.platform.bots.reply;

/**
 * A reply as sent, with where its words came from.
 *
 * @param fallbackReason why the template went out instead of the LLM's text (null when the LLM's text went out,
 *                       or when no LLM is configured)
 */
public record WrittenReply(String text, boolean fromLlm, String fallbackReason) {}
