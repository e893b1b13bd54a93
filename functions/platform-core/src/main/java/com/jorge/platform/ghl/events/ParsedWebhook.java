package com.jorge.platform.ghl.events;

/** The result of reading a verified webhook body. */
public sealed interface ParsedWebhook {

    record Known(GhlEvent event) implements ParsedWebhook {}

    /** A type we do not handle: acknowledged so GHL stops retrying, counted, dropped. */
    record Unknown(EventMeta meta) implements ParsedWebhook {}
}
