package com.jorge.platform.ghl.oauth;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

import java.util.Map;

/** Data keys from KMS (GenerateDataKey / Decrypt under the token key), bound to their purpose by the encryption context. */
public final class KmsDataKeys implements DataKeys {

    static final Map<String, String> CONTEXT = Map.of("purpose", "ghl-oauth-tokens");

    private final KmsClient kms;
    private final String keyId;

    public KmsDataKeys(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey generate() {
        GenerateDataKeyResponse r = kms.generateDataKey(b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(CONTEXT));
        return new DataKey(r.plaintext().asByteArray(), r.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        return kms.decrypt(b -> b.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped)).encryptionContext(CONTEXT))
                .plaintext().asByteArray();
    }
}
