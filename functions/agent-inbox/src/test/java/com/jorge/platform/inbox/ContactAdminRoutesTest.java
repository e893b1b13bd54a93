package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.contactdata.HeldByGhl;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.LocalCognito.Flaw;
import com.jorge.platform.testkit.TestRedis;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admins' GDPR routes through the Lambda function, on real PostgreSQL and Redis: the export and the
 * erasure are contact-data's own (its {@code ContactDataTest} covers every store, S3 and the archive
 * included); here, who may call them, what each refusal says, that a refusal touches nothing, that the
 * erasure through the route is idempotent and that its answer lists what stays GHL's.
 */
class ContactAdminRoutesTest {

    private static InboxRig rig;
    private static RedisClient redis;
    private static LocalCognito.User admin;
    private static String adminToken;

    @BeforeAll
    static void start() {
        rig = new InboxRig("inbox-gdpr", Map.of("INBOX_LIMIT_PER_CLIENT_PER_MINUTE", "100000",
                "INBOX_LIMIT_PER_LOCATION_PER_MINUTE", "100000"));
        redis = RedisClient.create(TestRedis.standaloneUrl());
        admin = rig.person("admin", "admin-1", "loc-a");
        adminToken = rig.cognito.token(admin);
    }

    @AfterAll
    static void stop() {
        redis.shutdown();
        rig.close();
    }

    @Test
    void anAdminExportsThenErasesTwiceAndTheSecondErasureChangesNothing() {
        LeadRef lead = leadWithCache();
        var exported = rig.call("GET", exportPath(lead, "DSR-2026-118"), adminToken, null);
        assertThat(exported.getStatusCode()).as(exported.getBody()).isEqualTo(200);
        assertThat(exported.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode doc = rig.body(exported).path("export");
        assertThat(doc.toString()).contains("I want to sell my house in 30 days").contains("{\\\"stale\\\":false}");

        var erased = rig.call("POST", erasePath(lead), adminToken, "{\"reason\":\"DSR-2026-118\"}");
        assertThat(erased.getStatusCode()).as(erased.getBody()).isEqualTo(200);
        JsonNode report = rig.body(erased).path("erasure");
        assertThat(report.path("auroraRows").path("messages").asInt()).isEqualTo(2);
        assertThat(report.path("auroraRows").path("conversations").asInt()).isEqualTo(1);
        assertThat(report.path("redisKeys").asInt()).isEqualTo(1);
        assertThat(report.path("tombstoneSeq").asLong()).isPositive();
        List<String> ghl = new ArrayList<>();
        report.path("heldByGhl").forEach(n -> ghl.add(n.asText()));
        assertThat(ghl).isEqualTo(HeldByGhl.DATA);
        assertThat(rows("messages", lead)).isZero();
        assertThat(rows("conversations", lead)).isZero();
        try (var c = redis.connect()) {
            assertThat(c.sync().exists(cacheKey(lead))).isZero();
        }

        var again = rig.call("POST", erasePath(lead), adminToken, "{\"reason\":\"DSR-2026-118 again\"}");
        assertThat(again.getStatusCode()).isEqualTo(200);
        JsonNode second = rig.body(again).path("erasure");
        assertThat(second.path("tombstoneSeq").asLong()).isZero();
        assertThat(second.path("redisKeys").asInt()).isZero();
        assertThat(second.path("heldByGhl").size()).isEqualTo(HeldByGhl.DATA.size());
        assertThat(audited(lead, "contact_erased")).containsExactly(admin.subject() + "|DSR-2026-118");
        assertThat(audited(lead, "contact_exported")).containsExactly(admin.subject() + "|DSR-2026-118");
    }

    @Test
    void everyRefusalSaysWhyAndLeavesTheContactAsItWas() {
        LeadRef lead = leadWithCache();
        LocalCognito.User agent = rig.person("agent", "agent-9", "loc-a");
        var refusals = Map.of(
                "team lead", new Refusal(rig.cognito.token(rig.person("team_lead", "lead-9", "loc-a")), 403, "only an admin"),
                "agent", new Refusal(rig.cognito.token(agent), 403, "only an admin"),
                "admin of another location", new Refusal(rig.cognito.token(rig.person("admin", "admin-9", "loc-b")), 404, "contact not found"),
                "expired", new Refusal(rig.cognito.token(admin, Flaw.EXPIRED), 401, "expired"),
                "wrong audience", new Refusal(rig.cognito.token(admin, Flaw.WRONG_CLIENT), 401, ""),
                "alg none", new Refusal(rig.cognito.token(admin, Flaw.UNSIGNED), 401, ""),
                "no token", new Refusal(null, 401, ""));
        refusals.forEach((who, refusal) -> {
            for (APIGatewayV2HTTPResponse response : List.of(
                    rig.call("GET", exportPath(lead, "DSR-1"), refusal.token(), null),
                    rig.call("POST", erasePath(lead), refusal.token(), "{\"reason\":\"DSR-1\"}"))) {
                assertThat(response.getStatusCode()).as(who + ": " + response.getBody()).isEqualTo(refusal.status());
                JsonNode body = rig.body(response);
                assertThat(body.path("message").asText()).as(who).isNotBlank().containsIgnoringCase(refusal.says());
                if (refusal.status() == 401) assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
            }
        });
        // an admin without a reason, or with a body that is not JSON: 400 naming the field
        assertThat(rig.body(rig.call("GET", exportPath(lead, ""), adminToken, null)).path("field").asText()).isEqualTo("reason");
        var noReason = rig.call("POST", erasePath(lead), adminToken, "{}");
        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(rig.body(noReason).path("field").asText()).isEqualTo("reason");
        assertThat(rig.call("POST", erasePath(lead), adminToken, "[\"reason\"]").getStatusCode()).isEqualTo(400);
        var rtl = rig.call("POST", erasePath(lead), adminToken, "{\"reason\":\"DSR\\u202e-1\"}");
        assertThat(rig.body(rtl).path("field").asText()).isEqualTo("reason");

        assertThat(rows("messages", lead)).isEqualTo(2);
        assertThat(rows("conversations", lead)).isEqualTo(1);
        try (var c = redis.connect()) {
            assertThat(c.sync().exists(cacheKey(lead))).isEqualTo(1L);
        }
        assertThat(audited(lead, "contact_erased")).isEmpty();
        assertThat(audited(lead, "contact_exported")).isEmpty();
    }

    private record Refusal(String token, int status, String says) {}

    private static LeadRef leadWithCache() {
        LeadRef lead = rig.lead("loc-a", "c-" + UUID.randomUUID());
        try (var c = redis.connect()) {
            c.sync().set(cacheKey(lead), "{\"stale\":false}");
        }
        return lead;
    }

    private static String cacheKey(LeadRef lead) {
        return rig.redisNamespace + ":{" + lead.locationId() + ":" + lead.contactId() + "}:conversation";
    }

    private static String exportPath(LeadRef lead, String reason) {
        return "/inbox/api/admin/contacts/" + lead.locationId() + "/" + lead.contactId() + "/export?reason=" + reason;
    }

    private static String erasePath(LeadRef lead) {
        return "/inbox/api/admin/contacts/" + lead.locationId() + "/" + lead.contactId() + "/erase";
    }

    private static int rows(String table, LeadRef lead) {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE location_id = ? AND contact_id = ?")) {
                ps.setString(1, lead.locationId());
                ps.setString(2, lead.contactId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** "actor|reason" of each audit entry of {@code action} on the lead, in order. */
    private static List<String> audited(LeadRef lead, String action) {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT actor_id, reason FROM audit_log WHERE location_id = ? AND contact_id = ?"
                    + " AND action = ? ORDER BY seq")) {
                ps.setString(1, lead.locationId());
                ps.setString(2, lead.contactId());
                ps.setString(3, action);
                List<String> found = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) found.add(rs.getString(1) + "|" + rs.getString(2));
                }
                return found;
            }
        });
    }
}
