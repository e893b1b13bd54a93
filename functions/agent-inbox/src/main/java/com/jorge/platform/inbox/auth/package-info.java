/**
 * Who is asking and what they may do: Cognito access tokens verified with Nimbus ({@code AccessTokens}),
 * the role from their groups ({@code Role}), their locations from {@code inbox_members} ({@code Members}),
 * together a {@code Caller}; {@code AccessDenied} is every refusal (401, 403, 404).
 */
package com.jorge.platform.inbox.auth;
