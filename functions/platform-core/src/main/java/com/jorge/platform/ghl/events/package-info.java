/**
 * GHL's webhooks as types: the sealed {@link GhlEvent} (inbound messages, contact, DND, opportunity and
 * appointment changes) with its {@link EventMeta}, and {@link GhlEventParser}, which checks every field and names
 * the one it refuses ({@link InvalidWebhookException}).
 */
package com.jorge.platform.ghl.events;
