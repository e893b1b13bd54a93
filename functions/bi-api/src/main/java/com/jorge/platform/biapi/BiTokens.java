package com.jorge.platform.biapi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies access tokens as the inbox does (Cognito's shape, Nimbus JOSE+JWT): RS256 by a key of the
 * pool's JWKS, the pool's issuer, {@code token_use} access, our {@code client_id} (and {@code aud} where
 * present), not expired, living no longer than the configured lifetime. Unsigned and HMAC tokens never pass.
 */
final class BiTokens {

    /** The token's subject and its Cognito groups. */
    record Verified(String subject, List<String> groups) {}

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String clientId;
    private final Duration maxLifetime;

    BiTokens(JWKSource<SecurityContext> keys, String issuer, String clientId, Duration maxLifetime) {
        this.clientId = clientId;
        this.maxLifetime = maxLifetime;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").claim("client_id", clientId).build(),
                Set.of("sub", "exp", "iat")));
    }

    /** The verified token, or empty with nothing said about why to the caller beyond 401. */
    Optional<Verified> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        JWTClaimsSet claims;
        try {
            claims = processor.process(authorization.substring(7).strip(), null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
        if (claims.getAudience() != null && !claims.getAudience().isEmpty() && !claims.getAudience().contains(clientId)) return Optional.empty();
        if (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() > maxLifetime.toMillis()) return Optional.empty();
        Object groups = claims.getClaims().get("cognito:groups");
        List<String> names = groups instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
        return Optional.of(new Verified(claims.getSubject(), names));
    }
}
