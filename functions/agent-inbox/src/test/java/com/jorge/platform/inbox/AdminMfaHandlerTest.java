package com.jorge.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.inbox.mfa.AdminMfaGuard;
import com.jorge.platform.json.PlatformJson;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pre-token-generation trigger against Cognito's AdminGetUser on a loopback stand-in (the request as the
 * SDK's signer signs it): an admin without TOTP gets no token, with TOTP and every other role passes; a
 * look-up that fails refuses the admin too.
 */
class AdminMfaHandlerTest {

    private HttpServer cognito;
    private final List<JsonNode> lookUps = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private AdminMfaHandler handler;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        cognito = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cognito.createContext("/", exchange -> {
            JsonNode body = PlatformJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
            lookUps.add(body);
            signatures.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String user = body.path("Username").asText();
            int status = user.equals("broken") ? 500 : 200;
            String answer = switch (user) {
                case "with-totp" -> "{\"Username\":\"with-totp\",\"UserMFASettingList\":[\"SOFTWARE_TOKEN_MFA\"],\"PreferredMfaSetting\":\"SOFTWARE_TOKEN_MFA\"}";
                case "broken" -> "{\"__type\":\"InternalErrorException\",\"message\":\"down\"}";
                default -> "{\"Username\":\"" + user + "\"}";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        cognito.start();
        handler = new AdminMfaHandler(PlatformConfig.of(Map.of("AWS_REGION", "us-east-1",
                "COGNITO_IDP_ENDPOINT", "http://127.0.0.1:" + cognito.getAddress().getPort() + "/")));
    }

    @AfterEach
    void stop() {
        cognito.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void anAdminWithoutTotpGetsNoTokenAndOneWithItDoes() {
        assertThatThrownBy(() -> handler.handleRequest(event("no-totp", "admin", "team_lead"), null))
                .isInstanceOf(AdminMfaGuard.AdminWithoutMfa.class).hasMessageContaining("authenticator app");
        Map<String, Object> passed = event("with-totp", "admin");
        assertThat(handler.handleRequest(passed, null)).isSameAs(passed);

        assertThat(lookUps).extracting(b -> b.path("UserPoolId").asText() + "/" + b.path("Username").asText())
                .containsExactly("us-east-1_pool/no-totp", "us-east-1_pool/with-totp");
        assertThat(signatures).allSatisfy(s -> assertThat(s)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/").contains("/us-east-1/cognito-idp/aws4_request")
                .endsWith("AWSCognitoIdentityProviderService.AdminGetUser"));
    }

    @Test
    void agentsAndTeamLeadsPassWithoutALookUpAndAFailedLookUpRefusesTheAdmin() {
        handler.handleRequest(event("agent-1", "agent"), null);
        handler.handleRequest(event("lead-1", "team_lead"), null);
        handler.handleRequest(event("nobody"), null);
        assertThat(lookUps).isEmpty();

        assertThatThrownBy(() -> handler.handleRequest(event("broken", "admin"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("500").hasMessageContaining("InternalErrorException");
    }

    /** A pre-token-generation event as Cognito sends it (the parts the trigger reads). */
    private static Map<String, Object> event(String userName, String... groups) {
        return new java.util.HashMap<>(Map.of("version", "1", "triggerSource", "TokenGeneration_Authentication",
                "region", "us-east-1", "userPoolId", "us-east-1_pool", "userName", userName,
                "request", Map.of("userAttributes", Map.of("sub", "s-" + userName),
                        "groupConfiguration", Map.of("groupsToOverride", List.of(groups))),
                "response", Map.of()));
    }
}
