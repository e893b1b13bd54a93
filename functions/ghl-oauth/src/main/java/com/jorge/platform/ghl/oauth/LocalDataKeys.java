package com.jorge.platform.ghl.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Data keys wrapped by a local AES-256 key ({@code GHL_TOKEN_LOCAL_KEY}, base64): a laptop's or a
 * test's stand-in for KMS, the same envelope as in AWS.
 */
public final class LocalDataKeys implements DataKeys {

    private static final byte[] PURPOSE = "ghl-oauth-tokens:data-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] masterKey;

    public LocalDataKeys(byte[] masterKey) {
        if (masterKey.length != 32) throw new IllegalArgumentException("GHL_TOKEN_LOCAL_KEY must be 32 bytes (base64), was " + masterKey.length);
        this.masterKey = masterKey.clone();
    }

    public static LocalDataKeys fromBase64(String base64) {
        try {
            return new LocalDataKeys(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GHL_TOKEN_LOCAL_KEY must be base64 of 32 random bytes");
        }
    }

    /** A fresh random key in the form {@code GHL_TOKEN_LOCAL_KEY} takes. */
    public static String newKeyBase64() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public DataKey generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new DataKey(key, AesGcm.seal(masterKey, key, PURPOSE));
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        return AesGcm.open(masterKey, wrapped, PURPOSE);
    }
}
