/**
 * GHL's webhook events: {@link com.jorge.platform.ghl.events.GhlEventParser} reads a verified body into a
 * typed {@link com.jorge.platform.ghl.events.GhlEvent}, refusing (with the JSON path of the field) anything
 * the platform could not act on or the worker's database could not store. Intake and worker share it, so
 * an event intake accepted is one the worker can process.
 */
package com.jorge.platform.ghl.events;
