package com.jorge.platform.bots.policy;

import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.conversation.BotType;

import java.util.List;

/**
 * The next step for one message: where the conversation goes, which bot leads it, what to say.
 *
 * @param asked           the question this reply asks, or null
 * @param bookingAccepted the lead accepted (or asked for) a call or a showing: hand off to a human
 */
public record Decision(Stage stage, BotType side, List<ReplyPart> parts, Question asked, boolean bookingAccepted) {
    public Decision {
        parts = List.copyOf(parts);
    }
}
