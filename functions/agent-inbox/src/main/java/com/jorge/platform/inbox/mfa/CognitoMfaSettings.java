package com.jorge.platform.inbox.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * {@code AdminGetUser} on the Cognito user pools API, signed with the AWS SDK's SigV4 signer and sent with its
 * HTTP client (the SDK's Cognito client is not among the platform's dependencies; one call does not warrant
 * it). TOTP is on when {@code UserMFASettingList} holds {@code SOFTWARE_TOKEN_MFA}.
 */
public final class CognitoMfaSettings implements MfaSettings {

    static final String TARGET = "AWSCognitoIdentityProviderService.AdminGetUser";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;
    private final ObjectMapper json;

    public CognitoMfaSettings(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String region,
                              ObjectMapper json) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.region = region;
        this.json = json;
    }

    @Override
    public boolean hasTotp(String userPoolId, String userName) {
        String body = json.createObjectNode().put("UserPoolId", userPoolId).put("Username", userName).toString();
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("X-Amz-Target", TARGET).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow()).build()).call();
            JsonNode answer;
            try (InputStream in = response.responseBody().orElseThrow(() -> new IOException("AdminGetUser: no body"))) {
                answer = json.readTree(in);
            }
            if (!response.httpResponse().isSuccessful()) {
                // fail closed: an admin whose MFA cannot be read gets no token (the error names the API's code only)
                throw new IllegalStateException("AdminGetUser answered " + response.httpResponse().statusCode() + " "
                        + answer.path("__type").asText(""));
            }
            for (JsonNode setting : answer.path("UserMFASettingList")) {
                if ("SOFTWARE_TOKEN_MFA".equals(setting.asText())) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("AdminGetUser could not be read", e);
        }
    }
}
