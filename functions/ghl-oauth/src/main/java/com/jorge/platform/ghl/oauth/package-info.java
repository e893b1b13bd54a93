/**
 * GHL Marketplace OAuth: each location's tokens sealed in Aurora by envelope encryption
 * ({@link com.jorge.platform.ghl.oauth.TokenSealer} over KMS or a local key), refreshed ahead of expiry one
 * worker at a time ({@link com.jorge.platform.ghl.oauth.LocationTokens}, the GHL client's
 * {@link com.jorge.platform.ghl.api.GhlTokens}), and GHL's token endpoints ({@link com.jorge.platform.ghl.oauth.GhlOAuthClient}).
 */
package com.jorge.platform.ghl.oauth;
