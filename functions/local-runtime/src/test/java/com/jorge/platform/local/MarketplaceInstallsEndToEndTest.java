package com.jorge.platform.local;

import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.FakeGhlOAuth;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local runtime as a Marketplace app, over HTTP only, on real PostgreSQL and Redis against the fake
 * GHL's token endpoints: each location installed through the OAuth flow and answered with its own token;
 * a broken installation holds its replies (not dropped, not dead-lettered) and a reinstall releases
 * them; an uninstall mid-conversation sends nothing more. Every log line of the run is scanned for the
 * codes and tokens the fake handed out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketplaceInstallsEndToEndTest {

    private static CapturedLogs logs;
    private static TestPostgres.Schema schema;
    private static LocalPlatform platform;
    private static LocalMarketplace app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        logs = new CapturedLogs("token-scan");
        schema = TestPostgres.migratedSchema("market");
        platform = LocalPlatform.start(Map.of(
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("market"),
                "GHL_OAUTH_CLIENT_ID", FakeGhlOAuth.CLIENT_ID),
                0, BotSuite.of(new StarterQualificationPolicy()));
        app = platform.marketplace().orElseThrow();
    }

    @AfterAll
    static void stop() {
        logs.close();
        platform.close();
        schema.close();
    }

    @Test
    @Order(1)
    void eachInstalledLocationIsAnsweredWithItsOwnToken() throws Exception {
        assertThat(app.install("loc-north")).isEqualTo(200);
        assertThat(app.install("loc-south")).isEqualTo(200);
        text("loc-north", "c-north", "Hi, I want to sell my condo");
        // GHL sends an app's lead events to its one webhook URL, the one INSTALL / UNINSTALL come to
        text(platform.webhookUrl().resolve("/webhooks/ghl/app"), "loc-south", "c-south", "Hola, quiero vender mi casa");

        assertThat(platform.ghl().smsTo("c-north")).hasSize(1);
        assertThat(platform.ghl().smsTo("c-south")).hasSize(1);
        assertThat(platform.ghl().oauth().locationOf(bearerOfSmsTo("c-north"))).isEqualTo("loc-north");
        assertThat(platform.ghl().oauth().locationOf(bearerOfSmsTo("c-south"))).isEqualTo("loc-south");
    }

    @Test
    @Order(2)
    void aBrokenInstallationHoldsItsRepliesAndAReinstallReleasesThem() throws Exception {
        assertThat(app.install("loc-held")).isEqualTo(200);
        text("loc-held", "c-held", "Hi, I want to sell my condo");
        assertThat(platform.ghl().smsTo("c-held")).hasSize(1);

        platform.ghl().oauth().revoke("loc-held"); // GHL refuses the token and its refresh: invalid_grant
        text("loc-held", "c-held", "Downsizing now that the kids moved out");
        assertThat(platform.metrics().counter(PlatformMetrics.GHL_TOKEN_REFRESHES, "invalid_grant")).isEqualTo(1);
        assertThat(installationStatus("loc-held")).isEqualTo("broken");
        Thread.sleep(3_000); // the outbox's retry run (every 2 s locally) comes by and sends nothing
        assertThat(platform.ghl().smsTo("c-held")).as("held, not sent").hasSize(1);
        assertThat(count("SELECT count(*) FROM messages WHERE location_id = 'loc-held' AND status = 'pending'")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM webhook_events WHERE location_id = 'loc-held' AND status = 'decided'
                AND next_delivery_at IS NOT NULL""")).as("waiting in the outbox").isEqualTo(1);
        assertThat(platform.queue().deadLetters()).isEmpty();

        // the back-off after the failures is 30 s and more: the reinstall makes the held reply due at once
        assertThat(app.install("loc-held")).isEqualTo(200);
        assertThat(await(() -> platform.ghl().smsTo("c-held").size() == 2, Duration.ofSeconds(15))).isTrue();
        assertThat(platform.ghl().smsTo("c-held").get(1)).contains("moved out");
        assertThat(platform.ghl().oauth().locationOf(bearerOfSmsTo("c-held"))).isEqualTo("loc-held");
        assertThat(installationStatus("loc-held")).isEqualTo("active");
    }

    @Test
    @Order(3)
    void anUninstallMidConversationSendsNothingMore() throws Exception {
        assertThat(app.install("loc-gone")).isEqualTo(200);
        text("loc-gone", "c-gone", "Hi, I want to sell my condo");
        assertThat(platform.ghl().smsTo("c-gone")).hasSize(1);
        // a reply waiting in the outbox when the uninstall comes (GHL refused it for now)
        platform.ghl().oauth().revoke("loc-gone");
        text("loc-gone", "c-gone", "Downsizing now that the kids moved out");
        assertThat(count("SELECT count(*) FROM messages WHERE location_id = 'loc-gone' AND status = 'pending'")).isEqualTo(1);

        int callsBefore = platform.ghl().callsFor("c-gone").size();
        assertThat(app.uninstall("loc-gone")).isEqualTo(200);
        assertThat(installationStatus("loc-gone")).isEqualTo("uninstalled");
        assertThat(count("SELECT count(*) FROM messages WHERE location_id = 'loc-gone' AND status = 'cancelled'")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM audit_log WHERE location_id = 'loc-gone' AND action = 'app_uninstalled'
                AND (detail->>'repliesCancelled')::int = 1""")).isEqualTo(1);
        // a text that was already on its way, and the schedules: nothing goes out for the location
        text("loc-gone", "c-gone", "Are you still there?");
        platform.followUps().run(500);
        Thread.sleep(3_000);
        assertThat(platform.ghl().smsTo("c-gone")).as("nothing sent after the uninstall").hasSize(1);
        assertThat(platform.ghl().callsFor("c-gone")).as("no CRM call either").hasSize(callsBefore);
        assertThat(platform.queue().deadLetters()).isEmpty();
        assertThat(platform.ghl().smsTo("c-north")).as("other locations are untouched").hasSize(1);
    }

    @Test
    @Order(4)
    void noCodeOrTokenReachesALogLine() {
        List<String> lines = new ArrayList<>(logs.lines());
        assertThat(lines).as("the run logged its installs and the broken refresh")
                .anyMatch(l -> l.contains("installed")).anyMatch(l -> l.contains("marked broken"));
        var secrets = platform.ghl().oauth().issuedSecrets();
        assertThat(secrets).hasSizeGreaterThan(10);
        for (String line : lines) {
            for (String secret : secrets) assertThat(line).as("a log line carries a GHL code or token").doesNotContain(secret);
        }
    }

    private void text(String location, String contact, String body) throws Exception {
        text(platform.webhookUrl(), location, contact, body);
    }

    private void text(java.net.URI url, String location, String contact, String body) throws Exception {
        String webhook = GhlWebhooks.inboundSms(location, contact, body, Instant.now());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url)
                .header("X-GHL-Signature", platform.signer().ed25519Signature(webhook))
                .POST(HttpRequest.BodyPublishers.ofString(webhook)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(platform.queue().awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    private static String bearerOfSmsTo(String contactId) {
        List<FakeGhlServer.Call> sends = platform.ghl().callsFor(contactId).stream()
                .filter(c -> c.path().equals("/conversations/messages")).toList();
        return sends.getLast().authorization().replaceFirst("^Bearer ", "");
    }

    private static String installationStatus(String location) throws Exception {
        try (Connection c = platform.worker().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM ghl_installations WHERE resource_id = ?")) {
            ps.setString(1, location);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = platform.worker().database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(100);
        }
        return true;
    }
}
