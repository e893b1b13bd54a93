package com.jorge.platform.bots.reply;

import com.jorge.platform.conversation.LlmUsage;

/** Words a reply plan as one SMS (at most two segments). */
public interface ReplyWriter {
    String write(ReplyPlan plan);

    /** The reply with where its words came from and the LLM tokens it cost (none for a writer without a model). */
    default WrittenReply writeReply(ReplyPlan plan) {
        return new WrittenReply(write(plan), false, null, LlmUsage.NONE);
    }
}
