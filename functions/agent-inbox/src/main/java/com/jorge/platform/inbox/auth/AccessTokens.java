package com.jorge.platform.inbox.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Cognito access tokens with Nimbus JOSE+JWT: RS256 signed by a key of the pool's JWKS, from
 * the pool's issuer, {@code token_use} access, for our app client ({@code client_id}; an {@code aud}, where a
 * token carries one, must name it too), not expired (60 s clock skew), and living no longer than the
 * configured lifetime (15 min). Unsigned ({@code alg: none}) and HMAC tokens never pass: only RS256 keys
 * are selected.
 */
public final class AccessTokens {

    /** The token's subject and the Cognito groups it carries. */
    public record Verified(String subject, List<String> groups) {}

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String clientId;
    private final Duration maxLifetime;

    public AccessTokens(JWKSource<SecurityContext> keys, String issuer, String clientId, Duration maxLifetime) {
        this.clientId = clientId;
        this.maxLifetime = maxLifetime;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").claim("client_id", clientId).build(),
                Set.of("sub", "exp", "iat")));
    }

    /** The verified token; throws {@link AccessDenied} (401) for anything else, saying why without echoing it. */
    public Verified verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw AccessDenied.unauthenticated("a bearer access token is required");
        }
        String token = authorization.substring(7).strip();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            throw AccessDenied.unauthenticated("the access token is expired, or not for this app");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw AccessDenied.unauthenticated("the access token is not valid");
        }
        if (claims.getAudience() != null && !claims.getAudience().isEmpty() && !claims.getAudience().contains(clientId)) {
            throw AccessDenied.unauthenticated("the access token is expired, or not for this app");
        }
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        if (lifetime > maxLifetime.toMillis()) {
            throw AccessDenied.unauthenticated("the access token lives longer than " + maxLifetime.toMinutes() + " minutes");
        }
        return new Verified(claims.getSubject(), groups(claims.getClaims()));
    }

    private static List<String> groups(Map<String, Object> claims) {
        Object groups = claims.get("cognito:groups");
        if (!(groups instanceof List<?> list)) return List.of();
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
