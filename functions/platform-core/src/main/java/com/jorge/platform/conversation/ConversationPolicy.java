package com.jorge.platform.conversation;

/**
 * Decides the bot's next step for one inbound message. Pure domain code: no I/O of its own beyond
 * what its collaborators do, no Lambda, no HTTP. The worker loads the state, calls this, then sends
 * the replies, applies the actions and stores {@link BotTurn#nextState()}.
 */
public interface ConversationPolicy {
    BotTurn respond(ConversationContext context, InboundText message);
}
