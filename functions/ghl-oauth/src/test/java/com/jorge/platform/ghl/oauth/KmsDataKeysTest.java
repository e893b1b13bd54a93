package com.jorge.platform.ghl.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The KMS envelope through the real AWS SDK client, against a loopback stand-in for KMS's JSON API
 * (GenerateDataKey, Decrypt) that wraps keys under its own master key and checks the encryption context.
 */
class KmsDataKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "arn:aws:kms:us-east-1:111122223333:key/token-key";

    private final byte[] master = new byte[32];
    private final List<String> targets = new ArrayList<>();
    private HttpServer kms;
    private KmsClient client;

    @BeforeEach
    void start() throws Exception {
        new SecureRandom().nextBytes(master);
        kms = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        kms.createContext("/", exchange -> {
            try (exchange) {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                targets.add(target);
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                byte[] context = request.path("EncryptionContext").toString().getBytes(StandardCharsets.UTF_8);
                ObjectNode answer = JSON.createObjectNode().put("KeyId", KEY_ID);
                int status = 200;
                if (target.endsWith("GenerateDataKey")) {
                    byte[] key = new byte[32];
                    new SecureRandom().nextBytes(key);
                    answer.put("Plaintext", key).put("CiphertextBlob", AesGcm.seal(master, key, context));
                } else {
                    try {
                        answer.put("Plaintext", AesGcm.open(master, request.path("CiphertextBlob").binaryValue(), context));
                    } catch (IllegalArgumentException e) {
                        status = 400;
                        answer = JSON.createObjectNode().put("__type", "InvalidCiphertextException").put("message", "no");
                    }
                }
                byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        kms.start();
        client = KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create("http://127.0.0.1:" + kms.getAddress().getPort())).build();
    }

    @AfterEach
    void stop() {
        client.close();
        kms.stop(0);
    }

    @Test
    void tokensSealedWithAKmsDataKeyOpenInAnotherContainerThroughDecrypt() {
        TokenSealer.SealedGrant sealed = new TokenSealer(new KmsDataKeys(client, KEY_ID)).seal("loc1", "access-1", "refresh-1");

        TokenSealer otherContainer = new TokenSealer(new KmsDataKeys(client, KEY_ID));
        assertThat(otherContainer.openAccessToken("loc1", sealed.dataKey(), sealed.accessToken())).isEqualTo("access-1");
        assertThat(otherContainer.openRefreshToken("loc1", sealed.dataKey(), sealed.refreshToken())).isEqualTo("refresh-1");
        assertThat(targets).containsExactly("TrentService.GenerateDataKey", "TrentService.Decrypt");
        assertThat(Base64.getEncoder().encodeToString(sealed.dataKey())).isNotEmpty();
    }

    @Test
    void aDataKeyWrappedForAnotherPurposeDoesNotUnwrap() {
        byte[] foreign = AesGcm.seal(master, new byte[32], "{\"purpose\":\"something-else\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new KmsDataKeys(client, KEY_ID).unwrap(foreign))
                .isInstanceOf(software.amazon.awssdk.services.kms.model.InvalidCiphertextException.class);
    }
}
