package com.jorge.platform.inbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets in Redis, through the inbox as Lambda runs it. */
class RequestLimitsTest {

    @Test
    void aClientOverItsBucketGets429WithRetryAfterAndOtherClientsDoNot() {
        try (InboxRig rig = new InboxRig("inbox-limits", Map.of("INBOX_LIMIT_PER_CLIENT_PER_MINUTE", "3",
                "INBOX_LIMIT_PER_LOCATION_PER_MINUTE", "1000"))) {
            String token = rig.cognito.token(rig.person("team_lead", "lead-1", "loc-a"));
            for (int i = 0; i < 3; i++) {
                assertThat(rig.call("GET", "/inbox/api/me", token, null, "198.51.100.1").getStatusCode()).isEqualTo(200);
            }
            var limited = rig.call("GET", "/inbox/api/me", token, null, "198.51.100.1");
            var someoneElse = rig.call("GET", "/inbox/api/me", token, null, "198.51.100.2");

            assertThat(limited.getStatusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.getHeaders().get("Retry-After"))).isBetween(1L, 60L);
            assertThat(rig.body(limited).path("error").asText()).isEqualTo("rate_limited");
            assertThat(someoneElse.getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void aLocationOverItsBucketIsLimitedWhicheverClientAsks() {
        try (InboxRig rig = new InboxRig("inbox-limits-loc", Map.of("INBOX_LIMIT_PER_CLIENT_PER_MINUTE", "1000",
                "INBOX_LIMIT_PER_LOCATION_PER_MINUTE", "2"))) {
            String token = rig.cognito.token(rig.person("team_lead", "lead-1", "loc-a"));
            var lead = rig.lead("loc-a", "c-1");
            String path = "/inbox/api/leads/loc-a/" + lead.contactId();
            assertThat(rig.call("GET", path, token, null, "198.51.100.1").getStatusCode()).isEqualTo(200);
            assertThat(rig.call("GET", path, token, null, "198.51.100.2").getStatusCode()).isEqualTo(200);
            assertThat(rig.call("GET", path, token, null, "198.51.100.3").getStatusCode()).isEqualTo(429);
            assertThat(rig.call("GET", "/inbox/api/me", token, null, "198.51.100.3").getStatusCode()).isEqualTo(200);
            // the bulk re-engagement takes from the same location's bucket
            var reengage = rig.call("POST", "/inbox/api/locations/loc-a/reengagements", token,
                    "{\"quietDays\": 30, \"dryRun\": true}", "198.51.100.4");
            assertThat(reengage.getStatusCode()).isEqualTo(429);
            assertThat(reengage.getHeaders()).containsKey("Retry-After");
        }
    }
}
