package com.jorge.platform.ghl.api;

import java.time.Instant;

/** An outbound message GHL holds: its id, its conversation and when GHL added it. */
public record SentMessage(String id, String conversationId, Instant dateAdded) {}
