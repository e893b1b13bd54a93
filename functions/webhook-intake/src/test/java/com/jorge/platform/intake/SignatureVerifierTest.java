package com.jorge.platform.intake;

import com.jorge.platform.ghlfake.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

    private static final String BODY = "{\"type\":\"InboundMessage\",\"locationId\":\"loc1\",\"body\":\"hola\"}";
    private final WebhookSigner ghl = WebhookSigner.generate();
    private final WebhookSigner attacker = WebhookSigner.generate();

    @Test
    void acceptsRsaSha256OverTheExactBody() {
        SignatureVerifier v = new SignatureVerifier(ghl.rsaPublicKey(), null);
        assertThat(v.verify(bytes(BODY), ghl.rsaSignature(BODY), null)).isEqualTo(SignatureVerifier.Result.VALID);
    }

    @Test
    void acceptsEd25519OverTheExactBody() {
        SignatureVerifier v = new SignatureVerifier(null, ghl.ed25519PublicKey());
        assertThat(v.verify(bytes(BODY), null, ghl.ed25519Signature(BODY))).isEqualTo(SignatureVerifier.Result.VALID);
    }

    @Test
    void rejectsATamperedBodyAWrongKeyAndGarbage() {
        SignatureVerifier v = new SignatureVerifier(ghl.rsaPublicKey(), ghl.ed25519PublicKey());
        String sig = ghl.rsaSignature(BODY);
        assertThat(v.verify(bytes(BODY.replace("hola", "hole")), sig, null)).isEqualTo(SignatureVerifier.Result.INVALID);
        assertThat(v.verify(bytes(BODY + " "), sig, null)).as("even whitespace counts").isEqualTo(SignatureVerifier.Result.INVALID);
        assertThat(v.verify(bytes(BODY), attacker.rsaSignature(BODY), null)).isEqualTo(SignatureVerifier.Result.INVALID);
        assertThat(v.verify(bytes(BODY), null, attacker.ed25519Signature(BODY))).isEqualTo(SignatureVerifier.Result.INVALID);
        assertThat(v.verify(bytes(BODY), "not base64 !!", null)).isEqualTo(SignatureVerifier.Result.INVALID);
        assertThat(v.verify(bytes(BODY), "AAAA", null)).isEqualTo(SignatureVerifier.Result.INVALID);
    }

    @Test
    void everyPresentSignatureMustVerify() {
        SignatureVerifier v = new SignatureVerifier(ghl.rsaPublicKey(), ghl.ed25519PublicKey());
        assertThat(v.verify(bytes(BODY), ghl.rsaSignature(BODY), ghl.ed25519Signature(BODY)))
                .isEqualTo(SignatureVerifier.Result.VALID);
        assertThat(v.verify(bytes(BODY), ghl.rsaSignature(BODY), attacker.ed25519Signature(BODY)))
                .isEqualTo(SignatureVerifier.Result.INVALID);
        assertThat(v.verify(bytes(BODY), null, null)).isEqualTo(SignatureVerifier.Result.MISSING);
        assertThat(v.verify(bytes(BODY), "  ", "")).isEqualTo(SignatureVerifier.Result.MISSING);
    }

    @Test
    void ghlsPublishedKeyLoadsAndRejectsSignaturesItDidNotMake() {
        PublicKey published = SignatureVerifier.publicKeyFromPem(SignatureVerifier.ghlPublishedRsaKey(), "RSA");
        assertThat(((RSAPublicKey) published).getModulus().bitLength()).isEqualTo(4096);
        SignatureVerifier v = new SignatureVerifier(published, null);
        assertThat(v.verify(bytes(BODY), attacker.rsaSignature(BODY), null)).isEqualTo(SignatureVerifier.Result.INVALID);
    }

    @Test
    void pemKeysRoundTrip() {
        PublicKey rsa = SignatureVerifier.publicKeyFromPem(ghl.rsaPublicKeyPem(), "RSA");
        PublicKey ed = SignatureVerifier.publicKeyFromPem(ghl.ed25519PublicKeyPem(), "Ed25519");
        SignatureVerifier v = new SignatureVerifier(rsa, ed);
        assertThat(v.verify(bytes(BODY), ghl.rsaSignature(BODY), ghl.ed25519Signature(BODY))).isEqualTo(SignatureVerifier.Result.VALID);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
