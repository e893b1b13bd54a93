/**
 * The GHL REST API client: calls through the location's rate limits, a circuit breaker and retries
 * with jitter; failures say whether GHL may have acted ({@link com.jorge.platform.ghl.api.GhlApiException#outcome()}),
 * and a send with an unknown outcome is looked up in the conversation before it is sent again.
 */
package com.jorge.platform.ghl.api;
