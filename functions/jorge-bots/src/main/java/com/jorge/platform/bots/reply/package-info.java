/**
 * Writing the reply: the plan of template parts ({@code ReplyPlan}), the EN/ES templates, the optional
 * Bedrock writer with its deadline and template fallback, and the guard that checks what an LLM wrote.
 */
package com.jorge.platform.bots.reply;
