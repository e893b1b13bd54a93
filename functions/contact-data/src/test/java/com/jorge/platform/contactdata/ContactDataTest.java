package com.jorge.platform.contactdata;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.audit.AuditEntries;
import com.jorge.platform.audit.AuditEntry;
import com.jorge.platform.audit.AuditChainVerifier;
import com.jorge.platform.audit.ChainVerdict;
import com.jorge.platform.audit.archive.ArchivedChain;
import com.jorge.platform.audit.archive.AuditArchiveSettings;
import com.jorge.platform.audit.archive.AuditExporter;
import com.jorge.platform.audit.archive.aws.S3ArchiveStore;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.contactdata.aws.S3ContactObjects;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.search.cache.CacheKey;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.cache.SemanticSearchCache;
import com.jorge.platform.search.query.SearchConstraints;
import com.jorge.platform.search.query.SearchQuery;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export and erasure across every store, all real: PostgreSQL, Redis, S3 through the SDK client (S3Mock).
 * Two contacts of one location hold data everywhere; one is erased, the other must not lose a byte.
 */
class ContactDataTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("contact-objects", "audit-archive").build();

    /** Every table that held contact data when this was written; a new one is found by the catalogue query. */
    private static final List<String> CONTACT_TABLES = List.of("appointments", "bi_deal_outcomes", "bi_lead_milestones",
            "contacts", "conversations", "crm_actions", "lead_outcomes", "lead_scores", "messages", "opportunities",
            "webhook_events");
    private static final String PHONE = "+15125550199";
    private static final String EMAIL = "erase.me@example.com";

    private static TestPostgres.Schema schema;
    private static Database database;
    private static Transactor tx;
    private static RedisConnector redis;
    private static S3Client s3;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private String ns;
    private LeadRef gone;
    private LeadRef kept;
    private ContactStores stores;
    private SemanticSearchCache searchCache;
    private final Requester admin = new Requester(AuditLog.Actor.HUMAN, "admin-1", "data subject request 2026-118");

    @BeforeAll
    static void start() {
        schema = TestPostgres.migratedSchema("contact_data");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 4)).migrate();
        tx = new Transactor(database.dataSource());
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofSeconds(5));
        s3 = S3_MOCK.createS3ClientV2();
    }

    @AfterAll
    static void stop() {
        redis.close();
        database.close();
        schema.close();
    }

    @BeforeEach
    void seed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ns = TestRedis.namespace("contact-data-" + run);
        gone = new LeadRef("loc-" + run, "c-gone");
        kept = new LeadRef("loc-" + run, "c-kept");
        searchCache = new SemanticSearchCache(redis.commands(), SearchCacheSettings.from(
                com.jorge.platform.config.PlatformConfig.of(Map.of())), clock, ns + ":");
        AuditArchiveSettings archive = new AuditArchiveSettings("audit-archive", "audit-" + run, 1000);
        stores = new ContactStores(tx, new RedisContactKeys(redis.commands(), ns, searchCache, Duration.ofHours(24)),
                new S3ContactObjects(s3, "contact-objects", "contacts-" + run),
                new ArchivedChain(new S3ArchiveStore(s3, "audit-archive"), archive.layout()),
                new AuditLog(PlatformJson.mapper()), clock);
        for (LeadRef lead : List.of(gone, kept)) seedEverywhere(lead, run);
        new AuditExporter(tx, new S3ArchiveStore(s3, "audit-archive"), archive, clock).run();
    }

    @Test
    void theExportHoldsEveryStoreInOneDocumentAndIsAudited() throws Exception {
        ObjectNode doc = new ContactDataExport(stores, PlatformJson.mapper()).export(gone, admin);

        for (String table : CONTACT_TABLES) {
            assertThat(doc.path("aurora").path(table).size()).as(table).isGreaterThanOrEqualTo(1);
        }
        assertThat(doc.path("aurora").path("contacts").get(0).path("phone").asText()).isEqualTo(PHONE);
        assertThat(doc.toString()).doesNotContain("c-kept");
        assertThat(doc.path("redis").path(ns + ":{" + gone.locationId() + ":c-gone}:conversation").asText()).contains("qualifying");
        assertThat(doc.path("redis").path(ns + ":{" + gone.locationId() + ":c-gone}:profile").asText()).contains(EMAIL);
        assertThat(doc.path("redis").properties()).anySatisfy(e -> assertThat(e.getKey()).contains(":search:{"));
        assertThat(doc.path("objects")).hasSize(1);
        assertThat(new String(Base64.getDecoder().decode(doc.path("objects").get(0).path("base64").asText()), StandardCharsets.UTF_8))
                .isEqualTo("signed listing agreement of c-gone");
        assertThat(doc.path("audit").path("entries")).extracting(JsonNode::toString).anySatisfy(e -> assertThat(e).contains("replied"));
        assertThat(doc.path("audit").path("archived").size()).isEqualTo(doc.path("audit").path("entries").size());
        assertThat(doc.path("heldByGhl").size()).isEqualTo(HeldByGhl.DATA.size());
        assertThat(lastAction(gone)).isEqualTo("contact_exported by admin-1: data subject request 2026-118");
    }

    @Test
    void theErasureEmptiesEveryStoreLeavesATombstoneAndTouchesNoOtherContact() throws Exception {
        ObjectNode keptBefore = exportWithoutAudit(kept);
        List<AuditEntry> keptAuditBefore = auditOf(kept);

        ErasureReport report = new ContactErasure(stores, Duration.ofMillis(50)).erase(gone, admin);

        assertThat(report.auroraRows()).containsKeys(CONTACT_TABLES.toArray(String[]::new)).doesNotContainKey("audit_log");
        CONTACT_TABLES.forEach(t -> assertThat(report.auroraRows().get(t)).as(t).isGreaterThanOrEqualTo(1));
        assertThat(report.redisKeys()).isEqualTo(3);  // conversation, profile, one semantic-cache answer
        assertThat(report.objects()).isEqualTo(1);
        assertThat(report.tombstoneSeq()).isPositive();
        assertThat(report.summary()).startsWith("aurora_rows=").contains("redis_keys=3 objects=1");

        ObjectNode after = new ContactDataExport(stores, PlatformJson.mapper()).export(gone, admin);
        for (String table : CONTACT_TABLES) {
            if (table.equals("webhook_events")) continue;
            assertThat(after.path("aurora").path(table).size()).as(table).isZero();
        }
        // the idempotency key stays, its payload (the lead's text) is gone
        assertThat(after.path("aurora").path("webhook_events")).allSatisfy(r -> assertThat(r.path("payload").toString()).isEqualTo("{}"));
        assertThat(after.path("redis").size()).isZero();
        assertThat(after.path("objects").size()).isZero();
        assertThat(after.toString()).doesNotContain(PHONE, EMAIL, "my house on Elm");
        List<AuditEntry> audit = auditOf(gone);
        assertThat(audit).filteredOn(e -> e.action().equals("contact_erased")).singleElement().satisfies(t -> {
            assertThat(t.actorId()).isEqualTo("admin-1");
            assertThat(t.reason()).isEqualTo("data subject request 2026-118");
            assertThat(t.seq()).isEqualTo(report.tombstoneSeq());
        });
        assertThat(String.valueOf(audit)).doesNotContain(PHONE, EMAIL);
        assertThat(verifyChain(gone.locationId())).isInstanceOf(ChainVerdict.Intact.class);

        assertThat(exportWithoutAudit(kept)).isEqualTo(keptBefore);
        // the other contact's entries unchanged; the only new one is the second export's own
        assertThat(auditOf(kept)).startsWith(keptAuditBefore.toArray(AuditEntry[]::new));
        assertThat(auditOf(kept).subList(keptAuditBefore.size(), auditOf(kept).size()))
                .extracting(AuditEntry::action).containsExactly("contact_exported");
    }

    @Test
    void aSecondErasureFindsNothingAndLeavesNoSecondTombstone() {
        ContactErasure erasure = new ContactErasure(stores, Duration.ZERO);
        erasure.erase(gone, admin);
        ErasureReport again = erasure.erase(gone, admin);
        assertThat(again.removed()).isZero();
        assertThat(again.tombstoneSeq()).isZero();
        assertThat(auditOf(gone)).filteredOn(e -> e.action().equals("contact_erased")).hasSize(1);
    }

    @Test
    void aCacheCopyPutBackBetweenTheTwoRedisPassesIsRemovedToo() throws Exception {
        String conversation = ns + ":{" + gone.locationId() + ":c-gone}:conversation";
        String stale = redis.commands().get(conversation);
        // a worker that committed just before the erasure caches its copy after Redis's first pass
        Thread late = Thread.ofVirtual().start(() -> {
            sleep(150);
            redis.commands().set(conversation, stale);
        });
        new ContactErasure(stores, Duration.ofMillis(600)).erase(gone, admin);
        late.join();
        assertThat(redis.commands().exists(conversation)).isZero();
    }

    @Test
    void aWorkersWriteThroughAfterTheErasureCachesNothingButOtherLeadsStillCache() {
        // a worker loaded the lead before the erasure and writes its copy back long after both Redis passes
        LeadCache cache = new LeadCache(redis, new CacheKeys(ns), PlatformJson.mapper(), Duration.ofDays(7), Duration.ofDays(1));
        ConversationState loadedBefore = ConversationState.fresh(BotType.SELLER);
        ContactRecord profileBefore = new ContactRecord(gone.locationId(), gone.contactId(), "Dana", "Erasmus", PHONE, EMAIL,
                List.of("seller"), false, null, false);

        new ContactErasure(stores, Duration.ZERO).erase(gone, admin);
        cache.putConversation(gone, loadedBefore);
        cache.putProfile(gone, profileBefore);

        assertThat(cache.conversation(gone)).isEmpty();
        assertThat(cache.profile(gone)).isEmpty();
        assertThat(redis.commands().exists(ns + ":{" + gone.locationId() + ":c-gone}:conversation",
                ns + ":{" + gone.locationId() + ":c-gone}:profile")).isZero();
        assertThat(redis.commands().pttl(new CacheKeys(ns).erased(gone))).isBetween(23L * 3_600_000, 24L * 3_600_000);
        // the marker is the erasure's own: not exported, not counted, and a second erasure still finds nothing
        assertThat(new ContactDataExport(stores, PlatformJson.mapper()).export(gone, admin).path("redis").size()).isZero();
        assertThat(new ContactErasure(stores, Duration.ZERO).erase(gone, admin).redisKeys()).isZero();

        cache.putConversation(kept, loadedBefore);
        assertThat(cache.conversation(kept)).contains(loadedBefore);
    }

    @Test
    void theCommandExportsThenErasesOnTheRealStoresAndEndsWithItsSummaryLine() throws Exception {
        var config = com.jorge.platform.config.PlatformConfig.of(Map.of(
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(), "DATABASE_PASSWORD", schema.password(),
                "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", ns, "SEARCH_CACHE_PREFIX", ns + ":",
                "CONTACT_ERASE_SETTLE_MS", "10"));
        ContactDataFunction.Parts parts = ContactDataFunction.fromConfig(config);
        String[] who = {gone.locationId(), gone.contactId(), "admin-7", "ticket 2026-204"};

        var exported = new java.io.ByteArrayOutputStream();
        assertThat(ContactDataCommand.run(parts, concat("export", who), new java.io.PrintStream(exported, true, StandardCharsets.UTF_8))).isZero();
        JsonNode doc = PlatformJson.mapper().readTree(exported.toString(StandardCharsets.UTF_8));
        assertThat(doc.path("aurora").path("contacts").get(0).path("phone").asText()).isEqualTo(PHONE);
        assertThat(doc.path("redis").size()).isEqualTo(3);  // conversation, profile, one semantic-cache answer
        assertThat(lastAction(gone)).isEqualTo("contact_exported by admin-7: ticket 2026-204");

        var erased = new java.io.ByteArrayOutputStream();
        assertThat(ContactDataCommand.run(parts, concat("erase", who), new java.io.PrintStream(erased, true, StandardCharsets.UTF_8))).isZero();
        List<String> lines = erased.toString(StandardCharsets.UTF_8).lines().toList();
        String last = lines.getLast();
        assertThat(last).matches("aurora_rows=(\\d+) redis_keys=3 objects=0 audit_entries_kept=(\\d+) tombstone_seq=(\\d+)");
        JsonNode report = PlatformJson.mapper().readTree(String.join("\n", lines.subList(0, lines.size() - 1)));
        assertThat(last).contains("tombstone_seq=" + report.path("tombstoneSeq").asLong());
        assertThat(report.path("tombstoneSeq").asLong()).isPositive();
        assertThat(erased.toString(StandardCharsets.UTF_8)).doesNotContain(PHONE, EMAIL);

        // what the command left: no row, no key, one tombstone by the operator; the kept contact untouched
        var again = new java.io.ByteArrayOutputStream();
        ContactDataCommand.run(parts, concat("export", who), new java.io.PrintStream(again, true, StandardCharsets.UTF_8));
        JsonNode after = PlatformJson.mapper().readTree(again.toString(StandardCharsets.UTF_8));
        assertThat(after.path("aurora").path("contacts").size()).isZero();
        assertThat(after.path("redis").size()).isZero();
        assertThat(after.toString()).doesNotContain(PHONE, EMAIL, "my house on Elm");
        assertThat(auditOf(gone)).filteredOn(e -> e.action().equals("contact_erased")).singleElement()
                .satisfies(t -> assertThat(t.actorId()).isEqualTo("admin-7"));
        assertThat(redis.commands().exists(ns + ":{" + kept.locationId() + ":c-kept}:conversation")).isEqualTo(1L);
    }

    private static String[] concat(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    // ------------------------------------------------------------------ seeding

    private void seedEverywhere(LeadRef lead, String run) {
        String loc = lead.locationId();
        String c = lead.contactId();
        tx.inTransaction(conn -> {
            sql(conn, "INSERT INTO contacts (location_id, contact_id, first_name, last_name, phone, email, tags) VALUES (?, ?, 'Dana', 'Erasmus', ?, ?, '{seller}')",
                    loc, c, c.equals("c-gone") ? PHONE : "+15125550100", c.equals("c-gone") ? EMAIL : "keep@example.com");
            sql(conn, "INSERT INTO conversations (location_id, contact_id, bot_type, stage, language, facts, temperature, version) VALUES (?, ?, 'SELLER', 'qualifying', 'en', '{\"address\": \"my house on Elm\"}', 'WARM', 3)", loc, c);
            sql(conn, "INSERT INTO messages (location_id, contact_id, direction, author, body, status) VALUES (?, ?, 'inbound', 'lead', 'I want to sell my house on Elm', 'received')", loc, c);
            sql(conn, "INSERT INTO lead_scores (location_id, contact_id, scored_at, score, temperature, model_version) VALUES (?, ?, now(), 0.7, 'WARM', 'v1')", loc, c);
            sql(conn, "INSERT INTO opportunities (location_id, opportunity_id, contact_id, name) VALUES (?, ?, ?, 'Dana Erasmus listing')", loc, "o-" + c, c);
            sql(conn, "INSERT INTO appointments (location_id, appointment_id, contact_id, title) VALUES (?, ?, ?, 'Listing visit')", loc, "a-" + c, c);
            sql(conn, "INSERT INTO webhook_events (location_id, webhook_id, event_type, contact_id, payload, status, received_at) VALUES (?, ?, 'InboundMessage', ?, '{\"body\": \"my house on Elm\"}', 'done', now())", loc, "w-" + c, c);
            sql(conn, "INSERT INTO crm_actions (location_id, contact_id, webhook_id, action_type, action, status) VALUES (?, ?, ?, 'AddTags', '{\"tags\": [\"hot\"]}', 'done')", loc, c, "w-" + c);
            sql(conn, "INSERT INTO lead_outcomes (location_id, contact_id, feature_set, attributes, converted, decided_at) VALUES (?, ?, 'conversation-features/1', '{\"timeline_months\": 2}', true, now())", loc, c);
            sql(conn, "INSERT INTO bi_lead_milestones (location_id, contact_id, bot_type, channel) VALUES (?, ?, 'seller', 'SMS')", loc, c);
            sql(conn, "INSERT INTO bi_deal_outcomes (location_id, opportunity_id, contact_id, status, monetary_value, decided_at) VALUES (?, ?, ?, 'won', 500000, now())", loc, "o-" + c, c);
            new AuditLog(PlatformJson.mapper()).record(conn, lead, AuditLog.Actor.BOT, "replied", Map.of("stage", "qualifying"));
            return null;
        });
        var r = redis.commands();
        r.set(ns + ":{" + loc + ":" + c + "}:conversation", "{\"stage\":\"qualifying\",\"facts\":{\"address\":\"my house on Elm\"}}");
        r.set(ns + ":{" + loc + ":" + c + "}:profile", "{\"email\":\"" + (c.equals("c-gone") ? EMAIL : "keep@example.com") + "\"}");
        var query = new SearchQuery(SearchConstraints.none(), "quiet street near " + c, "en");
        searchCache.store(loc, c, CacheKey.of(query), query.freeText(), CacheKey.polarity(query), query.constraints(), new float[] {1f, 0f},
                List.of(1L, 2L), List.of(0.9, 0.8), 2);
        s3.putObject(b -> b.bucket("contact-objects").key("contacts-" + run + "/" + loc + "/" + c + "/agreement.txt"),
                RequestBody.fromString("signed listing agreement of " + c));
    }

    private ObjectNode exportWithoutAudit(LeadRef lead) {
        ObjectNode doc = new ContactDataExport(stores, PlatformJson.mapper()).export(lead, admin);
        doc.remove("audit");
        doc.remove("exportedAt");
        return doc;
    }

    private List<AuditEntry> auditOf(LeadRef lead) {
        return tx.inTransaction(c -> AuditEntries.ofContact(c, lead.locationId(), lead.contactId()));
    }

    private String lastAction(LeadRef lead) {
        AuditEntry e = auditOf(lead).getLast();
        return e.action() + " by " + e.actorId() + ": " + e.reason();
    }

    private ChainVerdict verifyChain(String location) {
        List<AuditEntry> all = new ArrayList<>();
        tx.inTransaction(c -> { AuditEntries.forEach(c, location, all::add); return null; });
        return AuditChainVerifier.verify(location, all);
    }

    private static void sql(Connection c, String sql, Object... args) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
