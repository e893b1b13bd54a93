/**
 * λ bi-api: {@link com.jorge.platform.biapi.BiApiHandler} (API Gateway payload 2.0, thin) →
 * {@link com.jorge.platform.biapi.BiApi} (routes, input, the sealed {@link com.jorge.platform.biapi.BiAnswer});
 * {@code BiTokens} verifies the bearer access token (RS256, issuer, client, lifetime), {@code BiReaders} says
 * which locations a team lead or admin may read (the inbox's members); the numbers are the bi-aggregator's
 * {@code BiReportReader}, the page its {@code ReportPage}.
 */
package com.jorge.platform.biapi;
