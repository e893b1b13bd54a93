package com.jorge.platform.ghl.oauth;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.ghl.api.GhlRateLimits;
import com.jorge.platform.ghl.api.InstallationBrokenException;
import com.jorge.platform.ghl.api.LocationNotInstalledException;
import com.jorge.platform.ghl.api.RetryPolicy;
import com.jorge.platform.ghlfake.FakeGhlOAuth;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-location OAuth tokens against real PostgreSQL and the fake GHL's token endpoints (GHL's semantics). */
class LocationTokensTest {

    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static TestPostgres.Schema schema;
    private static Database database;

    private final String localKey = LocalDataKeys.newKeyBase64();
    private FakeGhlServer ghl;
    private GhlOAuthClient oauth;
    private MutableClock clock;
    private RecordedMetrics metrics;

    @BeforeAll
    static void migrate() {
        schema = TestPostgres.migratedSchema("oauth");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 24)).migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
        schema.close();
    }

    @BeforeEach
    void start() {
        ghl = FakeGhlServer.start(0);
        oauth = new GhlOAuthClient(new GhlOAuthSettings(ghl.baseUrl(), FakeGhlOAuth.CLIENT_ID, FakeGhlOAuth.CLIENT_SECRET, "",
                AHEAD, Duration.ofSeconds(5)), PlatformJson.mapper());
        clock = new MutableClock(Instant.now());
        metrics = new RecordedMetrics();
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    /** One Lambda container's view: its own sealer (its own key cache), the shared database and local key. */
    private LocationTokens worker() {
        return new LocationTokens(new Transactor(database.dataSource()), new InstallationStore(),
                new TokenSealer(LocalDataKeys.fromBase64(localKey)), oauth, clock, AHEAD, metrics);
    }

    private TokenGrant install(String locationId) {
        TokenGrant grant = oauth.exchangeCode(ghl.oauth().authorizationCode(locationId));
        TokenSealer sealer = new TokenSealer(LocalDataKeys.fromBase64(localKey));
        new Transactor(database.dataSource()).inTransaction(c -> {
            new InstallationStore().install(c, grant, sealer.seal(grant.resourceId(), grant.accessToken(), grant.refreshToken()), clock.instant());
            return null;
        });
        return grant;
    }

    private static String location() {
        return "loc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aFreshTokenIsUsedAsStoredWithoutAskingGhl() {
        String loc = location();
        TokenGrant grant = install(loc);
        assertThat(worker().accessToken(loc)).isEqualTo(grant.accessToken());
        assertThat(ghl.oauth().refreshes()).isZero();
    }

    @Test
    void twentyConcurrentWorkersHittingAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        String loc = location();
        TokenGrant installed = install(loc);
        clock.advance(Duration.ofSeconds(FakeGhlOAuth.EXPIRES_IN).minus(AHEAD).plusSeconds(1));

        int workers = 20;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            LocationTokens worker = worker();
            tokens.add(pool.submit(() -> {
                go.await();
                return worker.accessToken(loc);
            }));
        }
        go.countDown();
        Set<String> seen = Collections.newSetFromMap(new ConcurrentHashMap<>());
        for (Future<String> t : tokens) seen.add(t.get());
        pool.shutdown();

        assertThat(ghl.oauth().refreshes()).isEqualTo(1);
        assertThat(ghl.oauth().invalidGrants()).isZero();
        assertThat(seen).hasSize(1).doesNotContain(installed.accessToken());
        assertThat(ghl.oauth().locationOf(seen.iterator().next())).isEqualTo(loc);
        assertThat(metrics.counter(PlatformMetrics.GHL_TOKEN_REFRESHES, "refreshed")).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshMarksTheInstallationBrokenAndStopsAskingGhl() throws Exception {
        String loc = location();
        TokenGrant installed = install(loc);
        oauth.refresh(installed.refreshToken(), TokenGrant.LOCATION); // someone else spent the single-use refresh token
        clock.advance(Duration.ofDays(1));

        assertThatThrownBy(() -> worker().accessToken(loc)).isInstanceOf(InstallationBrokenException.class)
                .hasMessageContaining(loc).hasMessageNotContaining(installed.refreshToken());
        assertThatThrownBy(() -> worker().accessToken(loc)).isInstanceOf(InstallationBrokenException.class);
        assertThat(ghl.oauth().invalidGrants()).as("a broken installation is not refreshed again").isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.GHL_TOKEN_REFRESHES, "invalid_grant")).isEqualTo(1);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT i.status, (SELECT count(*) FROM audit_log a WHERE a.location_id = i.resource_id AND a.action = 'installation_broken')
                     FROM ghl_installations i WHERE resource_id = ?""")) {
            ps.setString(1, loc);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("broken");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void aReinstallRepairsABrokenInstallation() {
        String loc = location();
        TokenGrant first = install(loc);
        oauth.refresh(first.refreshToken(), TokenGrant.LOCATION);
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> worker().accessToken(loc)).isInstanceOf(InstallationBrokenException.class);

        TokenGrant again = install(loc);
        assertThat(worker().accessToken(loc)).isEqualTo(again.accessToken());
    }

    @Test
    void aLocationWithoutAnInstallationIsNotInstalled() {
        assertThatThrownBy(() -> worker().accessToken(location())).isInstanceOf(LocationNotInstalledException.class);
        String loc = location();
        install(loc);
        new Transactor(database.dataSource()).inTransaction(c -> new InstallationStore().uninstall(c, loc, clock.instant()));
        assertThatThrownBy(() -> worker().accessToken(loc)).isInstanceOf(LocationNotInstalledException.class);
    }

    @Test
    void aTokenThatExpiresMidSendIsRefreshedAndTheSendRetriedOnce() {
        String loc = location();
        TokenGrant installed = install(loc);
        GhlApiClient client = new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1)), GhlRateLimits.Limits.ghlDefaults()),
                worker(), PlatformJson.mapper(), metrics);
        ghl.oauth().expireAccessTokens(); // GHL expired it early: our clock still thinks it is fresh

        assertThat(client.sendSms(new LeadRef(loc, "contact1"), "hello")).startsWith("fake-msg-");

        assertThat(ghl.smsTo("contact1")).containsExactly("hello");
        assertThat(ghl.oauth().refreshes()).isEqualTo(1);
        String used = ghl.calls().getLast().authorization().replace("Bearer ", "");
        assertThat(used).isNotEqualTo(installed.accessToken());
        assertThat(ghl.oauth().locationOf(used)).isEqualTo(loc);
    }

    @Test
    void eachLocationsCallsCarryItsOwnToken() {
        String a = location();
        String b = location();
        install(a);
        install(b);
        GhlApiClient client = new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1)), GhlRateLimits.Limits.ghlDefaults()),
                worker(), PlatformJson.mapper(), metrics);
        client.addTags(new LeadRef(a, "ca"), List.of("x"));
        client.addTags(new LeadRef(b, "cb"), List.of("x"));
        assertThat(ghl.calls()).extracting(call -> ghl.oauth().locationOf(call.authorization().replace("Bearer ", "")))
                .containsExactly(a, b);
    }

    @Test
    void noTokenReachesALogLine() throws Exception {
        java.io.StringWriter captured = new java.io.StringWriter();
        var context = (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        var configuration = context.getConfiguration();
        var layout = ((org.apache.logging.log4j.core.appender.AbstractAppender) configuration.getAppender("json")).getLayout();
        var appender = org.apache.logging.log4j.core.appender.WriterAppender.createAppender(
                (org.apache.logging.log4j.core.StringLayout) layout, null, captured, "token-scan", false, true);
        appender.start();
        var platformLogs = configuration.getLoggerConfig("com.jorge.platform");
        var testLevel = platformLogs.getLevel(); // tests log WARN and up; this one reads every line the code writes
        platformLogs.setLevel(org.apache.logging.log4j.Level.DEBUG);
        platformLogs.addAppender(appender, null, null);
        context.updateLoggers();
        List<String> secrets = new ArrayList<>();
        try {
            String loc = location();
            TokenGrant installed = install(loc);
            secrets.add(installed.accessToken());
            secrets.add(installed.refreshToken());
            GhlApiClient client = new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                    new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1)), GhlRateLimits.Limits.ghlDefaults()),
                    worker(), PlatformJson.mapper(), metrics);
            ghl.oauth().expireAccessTokens();
            client.sendSms(new LeadRef(loc, "contact-log"), "hello"); // 401, refresh, retry: logged
            secrets.add(ghl.calls().getLast().authorization().replace("Bearer ", ""));
            String broken = location();
            TokenGrant spent = install(broken);
            secrets.add(spent.accessToken());
            secrets.add(spent.refreshToken());
            oauth.refresh(spent.refreshToken(), TokenGrant.LOCATION);
            clock.advance(Duration.ofDays(1));
            assertThatThrownBy(() -> client.addTags(new LeadRef(broken, "c"), List.of("x"))).isInstanceOf(InstallationBrokenException.class);
        } finally {
            platformLogs.removeAppender("token-scan");
            platformLogs.setLevel(testLevel);
            context.updateLoggers();
            appender.stop();
        }
        String log = captured.toString();
        assertThat(log).as("the flows above log").contains("refreshed").contains("marked broken");
        for (String secret : secrets) assertThat(log).doesNotContain(secret);
    }

    @Test
    void tokensAreSealedInTheRowAndDoNotOpenInAnotherRow() throws Exception {
        String loc = location();
        TokenGrant grant = install(loc);
        byte[] dataKey;
        byte[] access;
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT data_key, access_token, refresh_token FROM ghl_installations WHERE resource_id = ?")) {
            ps.setString(1, loc);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                dataKey = rs.getBytes(1);
                access = rs.getBytes(2);
                assertThat(new String(access, StandardCharsets.ISO_8859_1)).doesNotContain(grant.accessToken());
                assertThat(new String(rs.getBytes(3), StandardCharsets.ISO_8859_1)).doesNotContain(grant.refreshToken());
            }
        }
        TokenSealer sealer = new TokenSealer(LocalDataKeys.fromBase64(localKey));
        assertThat(sealer.openAccessToken(loc, dataKey, access)).isEqualTo(grant.accessToken());
        assertThatThrownBy(() -> sealer.openAccessToken("another-location", dataKey, access)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSealer(LocalDataKeys.fromBase64(LocalDataKeys.newKeyBase64())).openAccessToken(loc, dataKey, access))
                .as("another deployment's key").isInstanceOf(IllegalArgumentException.class);
    }
}
