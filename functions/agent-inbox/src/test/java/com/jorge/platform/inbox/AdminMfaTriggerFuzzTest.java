package com.jorge.platform.inbox;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.sun.net.httpserver.HttpServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile pre-token-generation events at the MFA trigger (user names and pool ids with Unicode tricks,
 * groups of the wrong type or spelled almost like {@code admin}, missing parts), against Cognito's
 * AdminGetUser on a loopback stand-in where only {@code with-totp} has TOTP: an admin without TOTP never gets a
 * token, nobody but an admin is ever refused (a failed look-up refuses one), and a passing event comes back unchanged. Prints how many cases ran.
 */
class AdminMfaTriggerFuzzTest {

    private static final AtomicLong CASES = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final List<String> TRICKS = List.of("\u202Egnp.exe", "a\u200Bb\u200D", "nul\u0000byte", "lone\uD800",
            "' OR 1=1 --", "${jndi:ldap://x/a}", "{{7*7}}", "", " ", "null", "admin\u200B", "ADMIN", "admin ", "\u0430dmin");
    private static HttpServer cognito;
    private static AdminMfaHandler handler;

    @BeforeContainer
    static void start() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        cognito = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cognito.createContext("/", exchange -> {
            String user = PlatformJson.mapper().readTree(exchange.getRequestBody().readAllBytes()).path("Username").asText();
            String answer = user.equals("with-totp")
                    ? "{\"Username\":\"with-totp\",\"UserMFASettingList\":[\"SOFTWARE_TOKEN_MFA\"],\"PreferredMfaSetting\":\"SOFTWARE_TOKEN_MFA\"}"
                    : "{\"Username\":\"someone\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        cognito.start();
        handler = new AdminMfaHandler(PlatformConfig.of(Map.of("AWS_REGION", "us-east-1",
                "COGNITO_IDP_ENDPOINT", "http://127.0.0.1:" + cognito.getAddress().getPort() + "/")));
    }

    @AfterContainer
    static void stop() {
        System.out.println("mfa trigger fuzz cases run: " + CASES.get() + " (refused: " + REFUSED.get() + ")");
        cognito.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Property
    void noAdminWithoutTotpEverGetsATokenAndNobodyElseIsRefused(@ForAll("events") Map<String, Object> event) {
        CASES.incrementAndGet();
        boolean admin = event.get("request") instanceof Map<?, ?> r && r.get("groupConfiguration") instanceof Map<?, ?> g
                && g.get("groupsToOverride") instanceof List<?> groups && groups.stream().map(String::valueOf).anyMatch("admin"::equals);
        boolean totp = "with-totp".equals(event.get("userName"));
        try {
            assertThat(handler.handleRequest(event, null)).isSameAs(event);
            assertThat(admin && !totp).as("an admin without TOTP got a token").isFalse();
        } catch (RuntimeException refused) {
            REFUSED.incrementAndGet();
            // refusing is the safe side: only an admin may ever be refused (a look-up that fails refuses them too)
            assertThat(admin).as("refused a non-admin: " + refused.getClass().getSimpleName()).isTrue();
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> events() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(TRICKS), Arbitraries.strings().all().ofMaxLength(64),
                Arbitraries.integers().between(10_000, 100_000).map("x"::repeat));
        Arbitrary<String> user = Arbitraries.oneOf(Arbitraries.of("with-totp", "no-totp"), text).injectNull(0.05);
        Arbitrary<String> pool = Arbitraries.oneOf(Arbitraries.just("us-east-1_pool"), text).injectNull(0.05);
        Arbitrary<Object> group = Arbitraries.oneOf(Arbitraries.of("admin", "team_lead", "agent"), text, Arbitraries.of(42, true));
        Arbitrary<Object> groups = Arbitraries.oneOf(group.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
                Arbitraries.of("admin", 7, Map.of("admin", true)));
        Arbitrary<Object> request = Arbitraries.oneOf(groups.map(g -> {
            Map<String, Object> config = new HashMap<>();
            config.put("groupsToOverride", g);
            return (Object) Map.of("groupConfiguration", config, "userAttributes", Map.of("sub", "s-1"));
        }), Arbitraries.of("request", 0)).injectNull(0.05);
        return Combinators.combine(user, pool, request).as((u, p, r) -> {
            Map<String, Object> event = new HashMap<>(Map.of("version", "1", "triggerSource", "TokenGeneration_Authentication",
                    "region", "us-east-1", "response", Map.of()));
            event.put("userName", u);
            event.put("userPoolId", p);
            event.put("request", r);
            return event;
        });
    }
}
