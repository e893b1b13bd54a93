package com.jorge.platform.ghlfake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs webhook bodies the way GHL does: RSA-SHA256 for {@code X-WH-Signature}, Ed25519 for
 * {@code X-GHL-Signature}, base64. Holds freshly generated key pairs; the platform under test is
 * configured with their public halves.
 */
public final class WebhookSigner {

    private final KeyPair rsa;
    private final KeyPair ed25519;

    private WebhookSigner(KeyPair rsa, KeyPair ed25519) {
        this.rsa = rsa;
        this.ed25519 = ed25519;
    }

    public static WebhookSigner generate() {
        try {
            KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
            rsaGen.initialize(2048);
            return new WebhookSigner(rsaGen.generateKeyPair(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String rsaSignature(String body) {
        return sign("SHA256withRSA", rsa.getPrivate(), body);
    }

    public String ed25519Signature(String body) {
        return sign("Ed25519", ed25519.getPrivate(), body);
    }

    public PublicKey rsaPublicKey() {
        return rsa.getPublic();
    }

    public PublicKey ed25519PublicKey() {
        return ed25519.getPublic();
    }

    public String rsaPublicKeyPem() {
        return pem(rsa.getPublic());
    }

    public String ed25519PublicKeyPem() {
        return pem(ed25519.getPublic());
    }

    private static String sign(String algorithm, PrivateKey key, String body) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
