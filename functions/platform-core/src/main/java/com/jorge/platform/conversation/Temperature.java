package com.jorge.platform.conversation;

/** How ready a lead is to transact; HOT leads are handed to a human. */
public enum Temperature { COLD, WARM, HOT }
