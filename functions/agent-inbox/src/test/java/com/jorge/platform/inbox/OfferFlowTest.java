package com.jorge.platform.inbox;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.leads.LeadDesk;
import com.jorge.platform.inbox.offers.AgentNotices;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.testkit.TestRedis;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What answering an offer and pausing the bot do, beyond who may: the workflow's answer, the records, the notices. */
class OfferFlowTest {

    private static InboxRig rig;
    private static String agent;
    private static String teamLead;

    @BeforeAll
    static void start() {
        rig = new InboxRig("inbox-flow");
        agent = rig.cognito.token(rig.person("agent", "agent-7", "loc-a"));
        teamLead = rig.cognito.token(rig.person("team_lead", "lead-1", "loc-a"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    private static LeadRef freshLead() {
        return rig.lead("loc-a", "c-" + UUID.randomUUID());
    }

    @Test
    void acceptingAnswersTheWorkflowOnceWithTheAgentAndRecordsWhoDid() throws Exception {
        LeadRef lead = freshLead();
        String[] offer = rig.offer(lead, "agent-7");
        var first = rig.call("POST", "/inbox/api/offers/" + offer[0] + "/accept", agent, null);
        var again = rig.call("POST", "/inbox/api/offers/" + offer[0] + "/accept", agent, null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(rig.body(first).path("offer").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(again.getStatusCode()).isEqualTo(409);
        var answers = rig.sfn.calls().stream().filter(c -> c.body().path("taskToken").asText().equals(offer[1])).toList();
        assertThat(answers).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("SendTaskSuccess");
            assertThat(PlatformJson.mapper().readTree(c.body().path("output").asText()).path("agentId").asText()).isEqualTo("agent-7");
        });
        assertThat(auditActions(lead)).contains("handoff_offer_accepted");
    }

    @Test
    void decliningNeedsAReasonAndFailsTheTaskAsDeclined() {
        LeadRef lead = freshLead();
        String[] offer = rig.offer(lead, "agent-7");
        var noReason = rig.call("POST", "/inbox/api/offers/" + offer[0] + "/decline", agent, "{\"reason\":\"  \"}");
        var wrongType = rig.call("POST", "/inbox/api/offers/" + offer[0] + "/decline", agent, "{\"reason\":42}");
        var declined = rig.call("POST", "/inbox/api/offers/" + offer[0] + "/decline", agent, "{\"reason\":\"at a closing all day\"}");

        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(rig.body(wrongType).path("field").asText()).isEqualTo("reason");
        assertThat(declined.getStatusCode()).isEqualTo(200);
        var answers = rig.sfn.calls().stream().filter(c -> c.body().path("taskToken").asText().equals(offer[1])).toList();
        assertThat(answers).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("SendTaskFailure");
            assertThat(c.body().path("error").asText()).isEqualTo("Handoff.Declined");
            assertThat(c.body().path("cause").asText()).doesNotContain("closing"); // the reason stays with us
        });
        assertThat(rig.body(declined).path("offer").path("declineReason").asText()).isEqualTo("at a closing all day");
    }

    @Test
    void anOfferTheWorkflowStoppedWaitingForIsGoneAndLeavesThePendingList() {
        LeadRef lead = freshLead();
        String[] offer = rig.offer(lead, "agent-7");
        rig.sfn.expire(offer[1]);
        var late = rig.call("POST", "/inbox/api/offers/" + offer[0] + "/accept", agent, null);

        assertThat(late.getStatusCode()).isEqualTo(410);
        assertThat(rig.body(rig.call("GET", "/inbox/api/offers", agent, null)).path("offers").toString()).doesNotContain(offer[0]);
    }

    @Test
    void anOfferPastItsDeadlineIsRefusedWithoutAskingTheWorkflow() {
        LeadRef lead = freshLead();
        String[] offer = rig.offer(lead, "agent-7");
        int before = rig.sfn.calls().size();
        rig.clock.advance(Duration.ofMinutes(16));
        try {
            assertThat(rig.call("POST", "/inbox/api/offers/" + offer[0] + "/accept", agent, null).getStatusCode()).isEqualTo(410);
            assertThat(rig.sfn.calls()).hasSize(before);
        } finally {
            rig.clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void theSameOfferDeliveredTwiceIsOneOfferAndOneTextToTheAgentWithALink() {
        LeadRef lead = freshLead();
        String message = PlatformJson.mapper().createObjectNode().put("type", "handoff.offer").put("contactId", lead.contactId())
                .put("locationId", "loc-a").put("agentId", "agent-7").put("reason", "hot").put("expiresInSeconds", 600)
                .put("taskToken", "tok-" + UUID.randomUUID()).toString();
        int texts = rig.ghl.smsTo("notify-agent-7").size();
        rig.function.offerNotices().handle(message);
        rig.function.offerNotices().handle(message);

        assertThat(countOffers(lead)).isEqualTo(1);
        assertThat(rig.ghl.smsTo("notify-agent-7")).hasSize(texts + 1);
        assertThat(rig.ghl.smsTo("notify-agent-7").getLast()).startsWith("A hot lead is waiting for you: https://inbox.example/inbox/#offer/")
                .doesNotContain(lead.contactId());
    }

    @Test
    void aLocationSetToEmailGetsAnEmailAndOneSetOffGetsNothing() {
        rig.db.inTransaction(c -> {
            new AgentNotices(null, "").setChannel(c, "loc-mail", AgentNotices.Channel.EMAIL);
            new AgentNotices(null, "").setChannel(c, "loc-quiet", AgentNotices.Channel.OFF);
            return null;
        });
        rig.person("agent", "agent-m", "loc-mail", "loc-quiet");
        int calls = rig.ghl.calls().size();
        rig.offer(rig.lead("loc-mail", "c-mail"), "agent-m");
        rig.offer(rig.lead("loc-quiet", "c-quiet"), "agent-m");

        var sent = rig.ghl.calls().subList(calls, rig.ghl.calls().size());
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.body().path("type").asText()).isEqualTo("Email");
            assertThat(c.body().path("contactId").asText()).isEqualTo("notify-agent-m");
        });
    }

    @Test
    void unreadableNoticesAreDroppedWithoutARecord() {
        long before = countAll();
        for (String junk : new String[] {"not json", "[]", "{\"type\":\"handoff.offer\"}", "{\"type\":\"other\",\"taskToken\":\"t\"}"}) {
            rig.function.offerNotices().handle(junk);
        }
        assertThat(countAll()).isEqualTo(before);
    }

    @Test
    void takingOverPausesTheBotInAuroraAndDropsTheWorkersCopyGivingBackClearsIt() {
        LeadRef lead = freshLead();
        String key = rig.redisNamespace + ":{" + lead.locationId() + ":" + lead.contactId() + "}:conversation";
        RedisClient redis = RedisClient.create(TestRedis.standaloneUrl());
        try (var connection = redis.connect()) {
            connection.sync().set(key, "{\"stale\":true}");
            var taken = rig.call("POST", "/inbox/api/leads/loc-a/" + lead.contactId() + "/take-over", teamLead, null);
            assertThat(taken.getStatusCode()).isEqualTo(200);
            assertThat(rig.body(taken).path("lead").path("botPaused").asBoolean()).isTrue();
            assertThat(connection.sync().get(key)).isNull();
            assertThat(pausedUntil(lead)).isEqualTo(com.jorge.platform.conversation.ConversationState.UNTIL_GIVEN_BACK.toString());

            var given = rig.call("POST", "/inbox/api/leads/loc-a/" + lead.contactId() + "/give-back", teamLead, null);
            assertThat(rig.body(given).path("lead").path("botPaused").asBoolean()).isFalse();
            assertThat(pausedUntil(lead)).isEqualTo("null");
            assertThat(auditActions(lead)).contains("bot_paused", "bot_resumed");
        } finally {
            redis.shutdown();
        }
    }

    private static String pausedUntil(LeadRef lead) {
        return rig.db.inTransaction(c -> String.valueOf(new ConversationRepository(PlatformJson.mapper()).find(c, lead)
                .orElseThrow().pausedUntil()));
    }

    private static String auditActions(LeadRef lead) {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT string_agg(action, ',') FROM audit_log WHERE location_id = ? AND contact_id = ?")) {
                ps.setString(1, lead.locationId());
                ps.setString(2, lead.contactId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return String.valueOf(rs.getString(1));
                }
            }
        });
    }

    private static long countOffers(LeadRef lead) {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM handoff_offers WHERE location_id = ? AND contact_id = ?")) {
                ps.setString(1, lead.locationId());
                ps.setString(2, lead.contactId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static long countAll() {
        return rig.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM handoff_offers"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
