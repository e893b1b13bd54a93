package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.inbox.mfa.AdminMfaGuard;
import com.jorge.platform.inbox.mfa.CognitoMfaSettings;
import com.jorge.platform.json.PlatformJson;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * λ agent-inbox-admin-mfa, the user pool's pre-token-generation trigger: refuses tokens to an admin without
 * TOTP (Cognito then fails the sign-in with this function's message); returns the event unchanged otherwise.
 * Settings: {@code AWS_REGION}, {@code COGNITO_IDP_ENDPOINT} (a local endpoint; AWS's otherwise).
 */
public final class AdminMfaHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final AdminMfaGuard guard;

    public AdminMfaHandler() {
        this(PlatformConfig.fromEnvironment());
    }

    AdminMfaHandler(PlatformConfig config) {
        String region = config.get("AWS_REGION", "us-east-1");
        URI endpoint = URI.create(config.get("COGNITO_IDP_ENDPOINT", "https://cognito-idp." + region + ".amazonaws.com/"));
        this.guard = new AdminMfaGuard(new CognitoMfaSettings(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2)).build(),
                DefaultCredentialsProvider.builder().build(), endpoint, region, PlatformJson.mapper()));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object request = event.get("request");
        Object groups = request instanceof Map<?, ?> r && r.get("groupConfiguration") instanceof Map<?, ?> g
                ? g.get("groupsToOverride") : null;
        guard.check(String.valueOf(event.get("userPoolId")), String.valueOf(event.get("userName")),
                groups instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
        return event;
    }
}
