package com.jorge.platform.ghl.events;

import java.time.Instant;

/** What every GHL webhook carries: its type, the sub-account, GHL's delivery id and when it was signed. */
public record EventMeta(String type, String locationId, String webhookId, Instant timestamp) {}
