package com.jorge.platform.audit.archive;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.jorge.platform.audit.ChainVerdict;
import com.jorge.platform.audit.archive.aws.S3ArchiveStore;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily export through the real S3 client (S3Mock in-process) and a real PostgreSQL, and the verifier on both. */
class AuditArchiveTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("audit-archive").build();

    private static TestPostgres.Schema schema;
    private static Database database;
    private static Transactor tx;
    private static S3Client s3;

    private final AuditLog audit = new AuditLog(PlatformJson.mapper());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private String loc;
    private String prefix;
    private S3ArchiveStore store;
    private AuditArchiveSettings settings;

    @BeforeAll
    static void start() {
        schema = TestPostgres.migratedSchema("audit_archive");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 2)).migrate();
        tx = new Transactor(database.dataSource());
        s3 = S3_MOCK.createS3ClientV2();
    }

    @AfterAll
    static void stop() {
        database.close();
        schema.close();
    }

    @BeforeEach
    void ownLocationAndPrefix() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        loc = "loc-" + run;
        prefix = "audit-" + run;
        store = new S3ArchiveStore(s3, "audit-archive");
        settings = new AuditArchiveSettings("audit-archive", prefix, 3);
    }

    @Test
    void eachRunArchivesOnlyWhatIsNewPerLocationAndDayAndBothChainsVerify() {
        write(loc, 5);
        AuditExporter exporter = new AuditExporter(tx, store, settings, clock);
        exporter.run();
        List<String> first = store.keys(prefix + "/" + loc + "/");
        assertThat(first).containsExactly(
                prefix + "/" + loc + "/2026-12-01/00000000000000000001-00000000000000000003.jsonl",
                prefix + "/" + loc + "/2026-12-01/00000000000000000004-00000000000000000005.jsonl");

        exporter.run();  // nothing new: nothing written
        assertThat(store.keys(prefix + "/" + loc + "/")).isEqualTo(first);

        write(loc, 2);
        clock.advance(Duration.ofDays(1));
        exporter.run();
        assertThat(store.keys(prefix + "/" + loc + "/2026-12-02/"))
                .containsExactly(prefix + "/" + loc + "/2026-12-02/00000000000000000006-00000000000000000007.jsonl");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(verification(), List.of(loc), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "source=table location=" + loc + " verdict=intact last_seq=7",
                "source=archive location=" + loc + " verdict=intact last_seq=7",
                "chains=2 intact=2 broken=0");
    }

    @Test
    void aChangedTableEntryIsNamedWhileTheArchiveStaysIntact() {
        write(loc, 5);
        new AuditExporter(tx, store, settings, clock).run();
        tamper("UPDATE audit_log SET reason = 'nothing happened' WHERE seq = 2");
        assertThat(findings()).containsExactly(
                new AuditVerification.Finding("table", new ChainVerdict.Broken(loc, 2, ChainVerdict.Break.CONTENT_CHANGED)),
                new AuditVerification.Finding("archive", new ChainVerdict.Intact(loc, 5, lastArchivedHash())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerifyCommand.run(verification(), List.of(loc), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("source=table location=" + loc + " verdict=broken first_bad_seq=2 why=CONTENT_CHANGED")
                .endsWith("chains=2 intact=1 broken=1\n");
    }

    @Test
    void aTableRewrittenFromSomeEntryOnOrCutShortIsCaughtByTheArchive() {
        write(loc, 5);
        new AuditExporter(tx, store, settings, clock).run();
        // rewrite entry 3 and rehash it and every later entry: the table's own chain holds
        tamper("UPDATE audit_log SET action = 'nothing' WHERE seq = 3");
        for (int seq = 3; seq <= 5; seq++) {
            tamper("UPDATE audit_log SET prev_hash = coalesce((SELECT p.hash FROM audit_log p WHERE p.location_id ="
                    + " audit_log.location_id AND p.seq = audit_log.seq - 1), prev_hash) WHERE seq = " + seq);
            tamper("UPDATE audit_log SET hash = audit_entry_hash(prev_hash, location_id, seq, contact_id, actor, actor_id,"
                    + " action, reason, detail, at) WHERE seq = " + seq);
        }
        assertThat(findings().getFirst().verdict()).isEqualTo(new ChainVerdict.Broken(loc, 5, ChainVerdict.Break.REWRITTEN));

        tamper("DELETE FROM audit_log WHERE seq >= 4");
        assertThat(findings().getFirst().verdict()).isEqualTo(new ChainVerdict.Broken(loc, 4, ChainVerdict.Break.TAIL_MISSING));
    }

    @Test
    void aChangedRemovedOrDuplicatedArchiveObjectIsNamed() {
        write(loc, 7);  // three objects: 1-3, 4-6, 7
        new AuditExporter(tx, store, settings, clock).run();
        List<String> keys = store.keys(prefix + "/" + loc + "/");
        String second = keys.get(1);
        String original = new String(store.get(second), StandardCharsets.UTF_8);

        // an entry changed in a copy of the object (a bucket without Object Lock lets anyone do this)
        s3.putObject(b -> b.bucket("audit-archive").key(second), RequestBody.fromString(original.replace("\"replied\"", "\"ignored\"")));
        assertThat(new ArchivedChain(store, settings.layout()).verify(loc))
                .isEqualTo(new ChainVerdict.Broken(loc, 4, ChainVerdict.Break.CONTENT_CHANGED));

        // the middle object gone: its first entry is missing (Object Lock is what keeps the last one)
        s3.deleteObject(b -> b.bucket("audit-archive").key(second));
        assertThat(new ArchivedChain(store, settings.layout()).verify(loc))
                .isEqualTo(new ChainVerdict.Broken(loc, 4, ChainVerdict.Break.MISSING));

        // a second object holding other content for seq 1
        store.put(second, original.getBytes(StandardCharsets.UTF_8));
        String forged = new String(store.get(keys.get(0)), StandardCharsets.UTF_8).replace("\"bot\"", "\"human\"");
        store.put(prefix + "/" + loc + "/2026-12-03/00000000000000000001-00000000000000000003.jsonl", forged.getBytes(StandardCharsets.UTF_8));
        assertThat(new ArchivedChain(store, settings.layout()).verify(loc))
                .isEqualTo(new ChainVerdict.Broken(loc, 1, ChainVerdict.Break.CONFLICTING_COPY));
    }

    @Test
    void theArchiveHoldsALeadsEntriesForTheGdprExport() {
        write(loc, 6);
        new AuditExporter(tx, store, settings, clock).run();
        assertThat(new ArchivedChain(store, settings.layout()).ofContact(loc, "c-1"))
                .extracting(e -> e.seq()).containsExactly(2L, 5L);
    }

    private List<AuditVerification.Finding> findings() {
        return verification().verify(List.of(loc));
    }

    private AuditVerification verification() {
        return new AuditVerification(tx, new ArchivedChain(store, settings.layout()));
    }

    private String lastArchivedHash() {
        return new ArchivedChain(store, settings.layout()).anchor(loc).hash();
    }

    private void write(String location, int n) {
        for (int i = 0; i < n; i++) {
            tx.inTransaction(c -> {
                long k = countOf(c, location);
                audit.record(c, new LeadRef(location, "c-" + (k % 3)), AuditLog.Actor.BOT, "replied", Map.of("n", k));
                return null;
            });
        }
    }

    private static long countOf(java.sql.Connection c, String location) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE location_id = ?")) {
            ps.setString(1, location);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void tamper(String sql) {
        tx.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL session_replication_role = replica");
                st.execute(sql + " AND location_id = '" + loc + "'");
            }
            return null;
        });
    }
}
