package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.LocalCognito.Flaw;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route against every kind of caller: the admin, team lead and agents of the lead's location, the
 * same roles of another location, and the tokens that must never pass (none, expired, for another app,
 * alg none, signed by an unknown key, living longer than 15 minutes, in no group). Each case gets a
 * fresh lead and offer, so a decision in one case cannot decide another.
 */
// the offer list runs first: the matrix leaves over 200 pending offers in loc-a, and the list shows the oldest 200
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxAuthorizationTest {

    private static InboxRig rig;
    private static Map<String, String> tokens;

    /** One case's lead and offer. */
    private record Scene(LeadRef lead, String offerId, String approvalId) {}

    private record Route(String name, String method, Function<Scene, String> path, String body) {}

    private static final List<Route> ROUTES = List.of(
            new Route("me", "GET", s -> "/inbox/api/me", null),
            new Route("offers", "GET", s -> "/inbox/api/offers", null),
            new Route("accept", "POST", s -> "/inbox/api/offers/" + s.offerId() + "/accept", null),
            new Route("decline", "POST", s -> "/inbox/api/offers/" + s.offerId() + "/decline", "{\"reason\":\"on vacation\"}"),
            new Route("lead", "GET", s -> "/inbox/api/leads/" + s.lead().locationId() + "/" + s.lead().contactId(), null),
            new Route("take-over", "POST", s -> "/inbox/api/leads/" + s.lead().locationId() + "/" + s.lead().contactId() + "/take-over", null),
            new Route("give-back", "POST", s -> "/inbox/api/leads/" + s.lead().locationId() + "/" + s.lead().contactId() + "/give-back", null),
            new Route("approvals", "GET", s -> "/inbox/api/approvals", null),
            new Route("approve", "POST", s -> "/inbox/api/approvals/" + s.approvalId() + "/approve", null),
            new Route("reject", "POST", s -> "/inbox/api/approvals/" + s.approvalId() + "/reject", "{\"reason\":\"not yet\"}"),
            new Route("reassign", "POST", s -> "/inbox/api/approvals/" + s.approvalId() + "/reassign", "{\"ghlUserId\":\"agent-8\"}"),
            new Route("export", "GET", s -> "/inbox/api/admin/contacts/" + s.lead().locationId() + "/" + s.lead().contactId()
                    + "/export?reason=DSR-2026-118", null),
            new Route("erase", "POST", s -> "/inbox/api/admin/contacts/" + s.lead().locationId() + "/" + s.lead().contactId()
                    + "/erase", "{\"reason\":\"DSR-2026-118\"}"),
            new Route("re-engage preview", "POST", s -> "/inbox/api/locations/" + s.lead().locationId() + "/reengagements",
                    "{\"quietDays\": 30, \"dryRun\": true}"),
            // the location's leads are all hot and recent: nothing to send, so nothing queued whoever asks
            new Route("re-engage", "POST", s -> "/inbox/api/locations/" + s.lead().locationId() + "/reengagements",
                    "{\"quietDays\": 30}"));

    /** Expected status per caller, in ROUTES order. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        //                                     me   offers accept decline lead take give approvals approve reject reassign export erase preview re-engage
        EXPECTED.put("admin",           new int[] {200, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200});
        EXPECTED.put("team_lead",       new int[] {200, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200, 403, 403, 200, 200});
        EXPECTED.put("offered agent",   new int[] {200, 200, 200, 200, 200, 403, 403, 200, 403, 403, 403, 403, 403, 403, 403});
        EXPECTED.put("other agent",     new int[] {200, 200, 403, 403, 404, 404, 404, 200, 403, 403, 403, 403, 403, 403, 403});
        EXPECTED.put("admin elsewhere", new int[] {200, 200, 404, 404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404});
        EXPECTED.put("lead elsewhere",  new int[] {200, 200, 404, 404, 404, 404, 404, 200, 404, 404, 404, 403, 403, 404, 404});
        EXPECTED.put("agent elsewhere", new int[] {200, 200, 404, 404, 404, 404, 404, 200, 404, 404, 404, 403, 403, 403, 403});
        for (String broken : List.of("no token", "expired", "wrong audience", "alg none", "foreign key", "24 h token")) {
            EXPECTED.put(broken, new int[] {401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401});
        }
        EXPECTED.put("no group", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403});
    }

    @BeforeAll
    static void start() {
        // every case comes from one address: the rate limits are RequestLimitsTest's subject, not this one's
        rig = new InboxRig("inbox-authz", Map.of("INBOX_LIMIT_PER_CLIENT_PER_MINUTE", "100000",
                "INBOX_LIMIT_PER_LOCATION_PER_MINUTE", "100000"));
        LocalCognito.User agent = rig.person("agent", "agent-7", "loc-a");
        tokens = new LinkedHashMap<>();
        tokens.put("admin", rig.cognito.token(rig.person("admin", "admin-1", "loc-a")));
        tokens.put("team_lead", rig.cognito.token(rig.person("team_lead", "lead-1", "loc-a")));
        tokens.put("offered agent", rig.cognito.token(agent));
        tokens.put("other agent", rig.cognito.token(rig.person("agent", "agent-8", "loc-a")));
        tokens.put("admin elsewhere", rig.cognito.token(rig.person("admin", "admin-b", "loc-b")));
        tokens.put("lead elsewhere", rig.cognito.token(rig.person("team_lead", "lead-b", "loc-b")));
        // the same GHL user id in another location is another person there
        tokens.put("agent elsewhere", rig.cognito.token(rig.person("agent", "agent-7", "loc-b")));
        tokens.put("no token", null);
        tokens.put("expired", rig.cognito.token(agent, Flaw.EXPIRED));
        tokens.put("wrong audience", rig.cognito.token(agent, Flaw.WRONG_CLIENT));
        tokens.put("alg none", rig.cognito.token(agent, Flaw.UNSIGNED));
        tokens.put("foreign key", rig.cognito.token(agent, Flaw.FOREIGN_KEY));
        tokens.put("24 h token", rig.cognito.token(agent, Flaw.TOO_LONG_LIVED));
        tokens.put("no group", rig.cognito.token(rig.person("viewer", "viewer-1", "loc-a")));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @TestFactory
    @Order(2)
    List<DynamicTest> everyRouteForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        EXPECTED.forEach((caller, statuses) -> {
            for (int i = 0; i < ROUTES.size(); i++) {
                Route route = ROUTES.get(i);
                int expected = statuses[i];
                tests.add(DynamicTest.dynamicTest(route.name() + " as " + caller + " -> " + expected, () -> {
                    LeadRef lead = rig.lead("loc-a", "c-" + UUID.randomUUID());
                    Scene scene = new Scene(lead, rig.offer(lead, "agent-7")[0], rig.approval(lead));
                    APIGatewayV2HTTPResponse response = rig.call(route.method(), route.path().apply(scene),
                            tokens.get(caller), route.body());
                    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
                    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("\tat ");
                    if (expected == 401) assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
                }));
            }
        });
        return tests;
    }

    @TestFactory
    @Order(1)
    List<DynamicTest> theOfferListShowsEachCallerOnlyWhatIsTheirs() {
        LeadRef lead = rig.lead("loc-a", "c-list-" + UUID.randomUUID());
        String offerId = rig.offer(lead, "agent-7")[0];
        Map<String, Boolean> sees = new LinkedHashMap<>();
        sees.put("admin", true);
        sees.put("team_lead", true);
        sees.put("offered agent", true);
        sees.put("other agent", false);
        sees.put("admin elsewhere", false);
        sees.put("agent elsewhere", false);
        return sees.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + (e.getValue() ? " sees" : " does not see"), () -> {
            var body = rig.body(rig.call("GET", "/inbox/api/offers", tokens.get(e.getKey()), null));
            List<String> ids = new ArrayList<>();
            body.path("offers").forEach(o -> ids.add(o.path("offerId").asText()));
            if (e.getValue()) assertThat(ids).contains(offerId);
            else assertThat(ids).doesNotContain(offerId);
        })).toList();
    }
}
