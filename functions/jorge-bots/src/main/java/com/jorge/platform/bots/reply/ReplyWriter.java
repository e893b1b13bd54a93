package com.jorge.platform.bots.reply;

/** Words a reply plan as one SMS (at most two segments). */
public interface ReplyWriter {
    String write(ReplyPlan plan);
}
