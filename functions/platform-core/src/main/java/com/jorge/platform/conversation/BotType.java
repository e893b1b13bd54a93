package com.jorge.platform.conversation;

/** Which Jorge bot leads the conversation. */
public enum BotType { SELLER, BUYER }
