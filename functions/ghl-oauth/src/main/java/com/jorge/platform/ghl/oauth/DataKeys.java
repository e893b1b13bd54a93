package com.jorge.platform.ghl.oauth;

/**
 * Where the data keys that seal GHL tokens come from and how they are wrapped for storage: KMS in AWS
 * ({@link KmsDataKeys}), a local key on a laptop or in tests ({@link LocalDataKeys}).
 */
public sealed interface DataKeys permits KmsDataKeys, LocalDataKeys {

    /** A fresh AES-256 key: its plain bytes (memory only) and its wrapped form (what the row stores). */
    record DataKey(byte[] plaintext, byte[] wrapped) {
        @Override
        public String toString() {
            return "DataKey[***]";
        }
    }

    DataKey generate();

    /** The plain key for a wrapped one; throws when it was not wrapped by this key source. */
    byte[] unwrap(byte[] wrapped);
}
