package com.jorge.platform.local;

import com.jorge.platform.audit.archive.AuditVerification;
import com.jorge.platform.audit.ChainVerdict;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.contactdata.ContactDataFunction;
import com.jorge.platform.contactdata.ErasureReport;
import com.jorge.platform.contactdata.Requester;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.lambda.WorkerFunction;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GDPR erasure while the lead is mid-conversation, through the local runtime's real intake, queue and
 * worker (bot-worker unchanged): a message races the erasure, another comes after it; nothing the lead
 * said before the erasure may come back, in Aurora, in Redis, or in a reply.
 */
class ErasureMidConversationTest {

    private static final String LOC = "loc-erase";
    private static final LeadRef LEAD = new LeadRef(LOC, "c-mid");
    private static final List<String> BEFORE = List.of("Denver", "relocating", "450");

    private static TestPostgres.Schema schema;
    private static LocalPlatform platform;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        schema = TestPostgres.migratedSchema("erasure");
        env = new HashMap<>(Map.of("DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password(), "REDIS_URL", TestRedis.standaloneUrl(),
                "REDIS_NAMESPACE", TestRedis.namespace("erasure"), "CONTACT_ERASE_SETTLE_MS", "300"));
        platform = LocalPlatform.start(env, 0, WorkerFunction.jorgeBots(Map.of()), Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), Instant.parse("2026-11-23T18:00:00Z"))));
    }

    @AfterAll
    static void stop() {
        platform.close();
        schema.close();
    }

    @Test
    void aMessageAfterTheErasureStartsNothingFromTheOldData() throws Exception {
        Instant now = Instant.now();
        post(GhlWebhooks.contactCreate(LOC, "c-mid", "Marisol", "Quintero", "+15125550142", "marisol.q@example.com", now));
        post(GhlWebhooks.inboundSms(LOC, "c-mid", "Hi, I want to sell my house, we are relocating to Denver in 2 months", now));
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(60))).isTrue();
        post(GhlWebhooks.inboundSms(LOC, "c-mid", "It is a 3 bedroom and I would like around 450k for it", now));
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(60))).isTrue();
        String factsBefore = text("SELECT facts::text FROM conversations WHERE contact_id = 'c-mid'");
        assertThat(factsBefore).as("the bot learned something to forget").isNotEqualTo("{}");
        assertThat(count("SELECT turns FROM conversations WHERE contact_id = 'c-mid'")).isGreaterThanOrEqualTo(2);
        int repliesBefore = platform.ghl().smsTo("c-mid").size();

        // a message races the erasure
        ContactDataFunction.Parts gdpr = ContactDataFunction.fromConfig(PlatformConfig.of(env));
        post(GhlWebhooks.inboundSms(LOC, "c-mid", "ok", Instant.now()));
        ErasureReport report = CompletableFuture.supplyAsync(() -> gdpr.erasure()
                .erase(LEAD, new Requester(AuditLog.Actor.HUMAN, "admin-1", "data subject request"))).get();
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(report.auroraRows().get("conversations")).isEqualTo(1);
        assertThat(report.tombstoneSeq()).isPositive();

        // and one comes after it
        post(GhlWebhooks.inboundSms(LOC, "c-mid", "hello, who is this?", Instant.now()));
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(60))).isTrue();

        String factsAfter = text("SELECT coalesce((SELECT facts::text FROM conversations WHERE contact_id = 'c-mid'), '{}')");
        assertThat(count("SELECT coalesce((SELECT turns FROM conversations WHERE contact_id = 'c-mid'), 0)"))
                .as("only the turns after the erasure (the racing one at most)").isLessThanOrEqualTo(2);
        List<String> stored = rows("SELECT body FROM messages WHERE contact_id = 'c-mid'");
        stored.add(factsAfter);
        stored.addAll(redisValues());
        List<String> repliesAfter = platform.ghl().smsTo("c-mid");
        stored.addAll(repliesAfter.subList(repliesBefore, repliesAfter.size()));
        for (String value : stored) {
            for (String old : BEFORE) assertThat(value).as("old data came back").doesNotContainIgnoringCase(old);
        }
        assertThat(rows("SELECT body FROM messages WHERE contact_id = 'c-mid'")).contains("hello, who is this?");
        assertThat(repliesAfter.size()).as("the lead after the erasure is answered as a new lead").isGreaterThan(repliesBefore);

        try (Database db = Database.open(Database.Settings.fromConfig(PlatformConfig.of(env)))) {
            var findings = new AuditVerification(new Transactor(db.dataSource()), null).verify(List.of(LOC));
            assertThat(findings).extracting(AuditVerification.Finding::verdict).allMatch(v -> v instanceof ChainVerdict.Intact);
        }
    }

    private static List<String> redisValues() {
        RedisClient client = RedisClient.create(TestRedis.standaloneUrl());
        try (var connection = client.connect()) {
            var r = connection.sync();
            List<String> out = new ArrayList<>();
            for (String key : r.keys(env.get("REDIS_NAMESPACE") + ":{" + LOC + ":c-mid}:*")) {
                if (r.type(key).equals("string")) out.add(r.get(key));
            }
            return out;
        } finally {
            client.shutdown();
        }
    }

    private static void post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(platform.webhookUrl())
                .header("X-WH-Signature", platform.signer().rsaSignature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = schema.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static String text(String sql) throws Exception {
        return rows(sql).getFirst();
    }

    private static int count(String sql) throws Exception {
        return Integer.parseInt(text(sql));
    }
}
