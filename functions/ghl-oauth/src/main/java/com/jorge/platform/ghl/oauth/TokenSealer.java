package com.jorge.platform.ghl.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Envelope encryption of an installation's tokens: one fresh data key per stored grant (wrapped by
 * {@link DataKeys}), each token sealed with AES-256-GCM bound to its installation and its column, so
 * a sealed value copied to another row or column does not open. Unwrapped data keys are kept in
 * memory for the container's life (one KMS Decrypt per grant, not per GHL call).
 */
public final class TokenSealer {

    /** What a row stores; tokens as sealed bytes, the refresh token null when there is none. */
    public record SealedGrant(byte[] dataKey, byte[] accessToken, byte[] refreshToken) {
        @Override
        public String toString() {
            return "SealedGrant[***]";
        }
    }

    private static final int CACHED_KEYS = 10_000;

    private final DataKeys keys;
    private final Map<String, byte[]> unwrapped = new ConcurrentHashMap<>();

    public TokenSealer(DataKeys keys) {
        this.keys = keys;
    }

    public SealedGrant seal(String resourceId, String accessToken, String refreshToken) {
        DataKeys.DataKey key = keys.generate();
        remember(key.wrapped(), key.plaintext());
        return new SealedGrant(key.wrapped(), AesGcm.seal(key.plaintext(), utf8(accessToken), place(resourceId, "access")),
                refreshToken == null ? null : AesGcm.seal(key.plaintext(), utf8(refreshToken), place(resourceId, "refresh")));
    }

    public String openAccessToken(String resourceId, byte[] dataKey, byte[] sealed) {
        return open(resourceId, dataKey, sealed, "access");
    }

    public String openRefreshToken(String resourceId, byte[] dataKey, byte[] sealed) {
        return sealed == null ? null : open(resourceId, dataKey, sealed, "refresh");
    }

    private String open(String resourceId, byte[] dataKey, byte[] sealed, String column) {
        String id = Base64.getEncoder().encodeToString(dataKey);
        byte[] plain = unwrapped.get(id);
        if (plain == null) {
            plain = keys.unwrap(dataKey);
            remember(dataKey, plain);
        }
        return new String(AesGcm.open(plain, sealed, place(resourceId, column)), StandardCharsets.UTF_8);
    }

    private void remember(byte[] wrapped, byte[] plain) {
        if (unwrapped.size() >= CACHED_KEYS) unwrapped.clear();
        unwrapped.put(Base64.getEncoder().encodeToString(wrapped), plain);
    }

    private static byte[] place(String resourceId, String column) {
        return ("ghl_installations:" + resourceId + ":" + column).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
