/**
 * The user pool's pre-token-generation check: an admin without a second factor gets no token
 * ({@code AdminMfaGuard}, reading the user's MFA settings from Cognito with {@code CognitoMfaSettings}).
 */
package com.jorge.platform.inbox.mfa;
