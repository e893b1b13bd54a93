/**
 * The Jorge seller and buyer bots: {@code JorgeConversationPolicy} answers each text,
 * {@code FollowUpPlanner} follows quiet leads up, {@code JorgeBots} bundles them for the worker, and
 * {@code BotSettings} holds the {@code JORGE_BOTS_*} settings.
 */
package com.jorge.platform.bots;
