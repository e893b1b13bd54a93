package com.jorge.platform.conversation;

import java.time.Instant;

/** One message the lead sent, as the bot sees it (no transport details). */
public record InboundText(String messageId, String body, String channel, Instant receivedAt) {}
