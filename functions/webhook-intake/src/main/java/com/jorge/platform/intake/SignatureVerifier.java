package com.jorge.platform.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Verifies GHL's webhook signatures over the raw body, before anything parses it: Ed25519 in
 * {@code X-GHL-Signature} (GHL's only signature since 1 July 2026) first, then the legacy RSA-SHA256
 * {@code X-WH-Signature}, both base64. A header counts only when its scheme has a key, so without an
 * RSA key an RSA-only delivery is refused. Every counted header must verify, and at least one must.
 */
public final class SignatureVerifier {

    public static final String RSA_HEADER = "x-wh-signature";
    public static final String ED25519_HEADER = "x-ghl-signature";

    public enum Result { VALID, MISSING, INVALID }

    private final PublicKey ed25519Key;
    private final PublicKey rsaKey;

    /** Either key may be null when that scheme is not configured. */
    public SignatureVerifier(PublicKey rsaKey, PublicKey ed25519Key) {
        if (rsaKey == null && ed25519Key == null) throw new IllegalArgumentException("at least one public key is required");
        this.rsaKey = rsaKey;
        this.ed25519Key = ed25519Key;
    }

    public Result verify(byte[] body, String rsaSignature, String ed25519Signature) {
        boolean edPresent = ed25519Key != null && ed25519Signature != null && !ed25519Signature.isBlank();
        boolean rsaPresent = rsaKey != null && rsaSignature != null && !rsaSignature.isBlank();
        if (!edPresent && !rsaPresent) return Result.MISSING;
        if (edPresent && !verify("Ed25519", ed25519Key, body, ed25519Signature)) return Result.INVALID;
        if (rsaPresent && !verify("SHA256withRSA", rsaKey, body, rsaSignature)) return Result.INVALID;
        return Result.VALID;
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] body, String signatureBase64) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Reads a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) for RSA or Ed25519. */
    public static PublicKey publicKeyFromPem(String pem, String algorithm) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM " + algorithm + " public key", e);
        }
    }

    /**
     * GHL's published Ed25519 webhook key (a public key, not a secret), shipped as the default. GHL's
     * RSA key is not shipped: RSA is a legacy an operator opts into by configuring its key.
     */
    public static String ghlPublishedEd25519Key() {
        try (var in = SignatureVerifier.class.getResourceAsStream("/ghl-webhook-ed25519-public-key.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("ghl-webhook-ed25519-public-key.pem missing from the function jar", e);
        }
    }
}
