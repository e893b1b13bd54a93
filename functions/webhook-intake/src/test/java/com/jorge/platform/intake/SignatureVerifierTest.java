package com.jorge.platform.intake;

import com.jorge.platform.ghlfake.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

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
    void ghlsPublishedEd25519KeyIsShippedAndRejectsSignaturesItDidNotMake() {
        PublicKey published = SignatureVerifier.publicKeyFromPem(SignatureVerifier.ghlPublishedEd25519Key(), "Ed25519");
        // the key GHL publishes (SubjectPublicKeyInfo), byte for byte
        assertThat(Base64.getEncoder().encodeToString(published.getEncoded()))
                .isEqualTo("MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=");
        SignatureVerifier v = new SignatureVerifier(null, published);
        assertThat(v.verify(bytes(BODY), null, attacker.ed25519Signature(BODY))).isEqualTo(SignatureVerifier.Result.INVALID);
    }

    @Test
    void anRsaSignatureCountsOnlyWhenAnRsaKeyIsConfigured() {
        SignatureVerifier edOnly = new SignatureVerifier(null, ghl.ed25519PublicKey());
        assertThat(edOnly.verify(bytes(BODY), ghl.rsaSignature(BODY), null)).isEqualTo(SignatureVerifier.Result.MISSING);
        // a forged RSA header beside a genuine Ed25519 one is ignored, not trusted
        assertThat(edOnly.verify(bytes(BODY), attacker.rsaSignature(BODY), ghl.ed25519Signature(BODY)))
                .isEqualTo(SignatureVerifier.Result.VALID);
        assertThat(edOnly.verify(bytes(BODY), ghl.rsaSignature(BODY), attacker.ed25519Signature(BODY)))
                .as("a bad Ed25519 signature is not rescued by an RSA one").isEqualTo(SignatureVerifier.Result.INVALID);
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
