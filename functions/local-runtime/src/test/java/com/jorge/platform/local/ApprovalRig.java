package com.jorge.platform.local;

import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local runtime on real PostgreSQL and Redis with a bot that gives a price opinion when a lead asks
 * what the home is worth (which a location's default approval policy holds for a person), talked to over
 * HTTP only: signed webhooks in, the inbox's API, the fake GHL's record of what reached each lead.
 */
final class ApprovalRig implements AutoCloseable {

    static final String LOCATION = "loc-demo-north";
    static final String PRICE = "Homes like yours on your street sell for about $450,000.";
    static final String ORDINARY = "Thanks! When would you like to move?";

    private static final ConversationPolicy PRICING_BOT = (context, message) -> {
        ConversationState next = context.state().withTurns(context.state().turns() + 1);
        if (message.body().contains("worth")) {
            return new BotTurn(List.of(PRICE), List.of(), next).withProposals(List.of(new ProposedAction.PriceOpinion()));
        }
        return new BotTurn(List.of(ORDINARY), List.of(), next);
    };

    final TestPostgres.Schema schema;
    final LocalPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    ApprovalRig(String name, Map<String, String> settings) throws Exception {
        schema = TestPostgres.migratedSchema(name);
        Map<String, String> env = new HashMap<>(settings);
        env.putAll(Map.of("DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace(name),
                "LOCAL_SCHEDULES", "due-replies"));
        try {
            platform = LocalPlatform.start(env, 0, BotSuite.of(PRICING_BOT));
        } catch (Exception | Error e) {
            schema.close();
            throw e;
        }
    }

    /** The lead texts, through the gateway and the real intake, and the worker is done with it. */
    void leadTexts(String contactId, String text) throws Exception {
        String body = GhlWebhooks.inboundSms(LOCATION, contactId, text, Instant.now());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.webhookUrl())
                .header("Content-Type", "application/json").header("X-WH-Signature", platform.signer().rsaSignature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    /** A call on the inbox's API as the demo team lead. */
    HttpResponse<String> inbox(String method, String path, String body) throws Exception {
        LocalInbox inbox = platform.inbox().orElseThrow();
        return http.send(HttpRequest.newBuilder(URI.create(url("/inbox/api" + path)))
                .header("Authorization", "Bearer " + inbox.teamLeadToken()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String url(String path) {
        return "http://127.0.0.1:" + platform.port() + path;
    }

    /** Rows of a query, each as its columns' text. */
    List<List<String>> rows(String sql, Object... params) throws Exception {
        try (Connection c = platform.worker().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) row.add(rs.getString(i));
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** The pending approval of a contact the inbox holds (the newest, after an escalation). */
    String pendingApproval(String contactId) throws Exception {
        List<List<String>> found = rows("SELECT approval_id FROM approvals WHERE contact_id = ? AND status = 'pending' "
                + "ORDER BY created_at DESC", contactId);
        assertThat(found).as("a pending approval of " + contactId).isNotEmpty();
        return found.get(0).get(0);
    }

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            schema.close();
        }
    }
}
