/**
 * The conversation contract between the worker and any bot: the state a conversation keeps
 * ({@code ConversationState}, changed through withers), what a bot is asked ({@code ConversationContext},
 * {@code InboundText}) and answers ({@code BotTurn} with the sealed {@code CrmAction}s), and what the
 * worker needs from a bot implementation ({@code BotSuite}).
 */
package com.jorge.platform.conversation;
