package com.jorge.platform.audit;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.StorageException;
import com.jorge.platform.storage.Transactor;
import com.jorge.platform.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit chain on a real PostgreSQL: the database chains what the unchanged writers insert, refuses
 * changes, and the verifier names the first entry a tamperer (a superuser with triggers off) changed,
 * removed or moved.
 */
class AuditChainTest {

    private final AuditLog audit = new AuditLog(PlatformJson.mapper());
    private static TestPostgres.Schema schema;
    private static Database database;
    private static Transactor tx;
    /** Each test's own locations in the class's one schema. */
    private String locA;
    private String locB;

    @BeforeAll
    static void migrate() {
        schema = TestPostgres.migratedSchema("audit");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 4)).migrate();
        tx = new Transactor(database.dataSource());
    }

    @AfterAll
    static void drop() {
        database.close();
        schema.close();
    }

    @BeforeEach
    void ownLocations() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        locA = "loc-a-" + run;
        locB = "loc-b-" + run;
    }

    @Test
    void entriesAreNumberedAndChainedPerLocationAndVerifyInJava() throws Exception {
        write(locA, 5);
        write(locB, 3);
        tx.inTransaction(c -> {
            audit.record(c, locA, "c-1", AuditLog.Actor.HUMAN, "user-7", "takeover", "lead asked for a person",
                    Map.of("ñ", "naïve ✓ \"quoted\"\n", "n", 1.50));
            return null;
        });
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Intact(locA, 6, lastHash(locA)));
        assertThat(verify(locB)).isInstanceOf(ChainVerdict.Intact.class);
        assertThat(((ChainVerdict.Intact) verify(locB)).lastSeq()).isEqualTo(3);
        AuditEntry takeover = tx.inTransaction(c -> AuditEntries.after(c, locA, 5, 10)).getFirst();
        assertThat(takeover.actorId()).isEqualTo("user-7");
        assertThat(takeover.reason()).isEqualTo("lead asked for a person");
        assertThat(tx.inTransaction(AuditEntries::locations)).contains(locA, locB);
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() throws Exception {
        write(locA, 2);
        for (String sql : List.of("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log",
                "TRUNCATE audit_log", "TRUNCATE audit_log_p0", "TRUNCATE audit_log_p1", "TRUNCATE audit_log_p7")) {
            assertThatThrownBy(() -> tx.inTransaction(c -> execute(c, sql))).as(sql)
                    .isInstanceOf(StorageException.class).cause().hasMessageContaining("append-only");
        }
        assertThat(verify(locA)).isInstanceOf(ChainVerdict.Intact.class);
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        write(locA, 6);
        tamper("UPDATE audit_log SET detail = '{\"n\": 99}' WHERE seq = 4");
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Broken(locA, 4, ChainVerdict.Break.CONTENT_CHANGED));
    }

    @Test
    void aChangedTimeOrActorIsNamed() throws Exception {
        write(locA, 4);
        tamper("UPDATE audit_log SET at = at - interval '1 microsecond' WHERE seq = 2");
        tamper("UPDATE audit_log SET actor = 'human' WHERE seq = 3");
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Broken(locA, 2, ChainVerdict.Break.CONTENT_CHANGED));
    }

    @Test
    void aRemovedEntryIsNamed() throws Exception {
        write(locA, 6);
        tamper("DELETE FROM audit_log WHERE seq = 3");
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Broken(locA, 3, ChainVerdict.Break.MISSING));
    }

    @Test
    void aRemovedEntryWithTheRestRenumberedIsNamed() throws Exception {
        write(locA, 6);
        tamper("DELETE FROM audit_log WHERE seq = 3");
        tamper("UPDATE audit_log SET seq = seq - 1 WHERE seq > 3");
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Broken(locA, 3, ChainVerdict.Break.CONTENT_CHANGED));
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        write(locA, 6);
        // swap entries 2 and 3, hashes and all
        tamper("UPDATE audit_log SET seq = -2 WHERE seq = 2");
        tamper("UPDATE audit_log SET seq = 2 WHERE seq = 3");
        tamper("UPDATE audit_log SET seq = 3 WHERE seq = -2");
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Broken(locA, 2, ChainVerdict.Break.CONTENT_CHANGED));
    }

    @Test
    void aChainRecomputedAfterAChangeStillBreaksItsLinkOrItsAnchor() throws Exception {
        write(locA, 6);
        String anchorHash = tx.inTransaction(c -> AuditEntries.after(c, locA, 4, 1)).getFirst().hash();
        // the tamperer changes entry 4 and rehashes it, but not its successors: the link after it breaks
        tamper("UPDATE audit_log SET detail = '{\"n\": 99}' WHERE seq = 4");
        tamper("UPDATE audit_log SET hash = audit_entry_hash(prev_hash, location_id, seq, contact_id, actor, actor_id,"
                + " action, reason, detail, at) WHERE seq = 4");
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Broken(locA, 5, ChainVerdict.Break.LINK_BROKEN));
        // ...and rehashes every later entry too: only an export's anchor still tells
        for (int seq = 5; seq <= 6; seq++) {
            tamper("UPDATE audit_log SET prev_hash = (SELECT p.hash FROM audit_log p WHERE p.location_id = audit_log.location_id"
                    + " AND p.seq = audit_log.seq - 1) WHERE seq = " + seq);
            tamper("UPDATE audit_log SET hash = audit_entry_hash(prev_hash, location_id, seq, contact_id, actor, actor_id,"
                    + " action, reason, detail, at) WHERE seq = " + seq);
        }
        assertThat(verify(locA)).isInstanceOf(ChainVerdict.Intact.class);
        AuditChainVerifier anchored = new AuditChainVerifier(locA, new AuditChainVerifier.Anchor(5, anchorHash));
        tx.inTransaction(c -> { AuditEntries.forEach(c, locA, anchored::accept); return null; });
        assertThat(anchored.verdict()).isEqualTo(new ChainVerdict.Broken(locA, 5, ChainVerdict.Break.REWRITTEN));
    }

    @Test
    void aRemovedTailIsNamedAgainstTheAnchor() throws Exception {
        write(locA, 6);
        String sixth = lastHash(locA);
        tamper("DELETE FROM audit_log WHERE seq >= 5");
        assertThat(verify(locA)).isInstanceOf(ChainVerdict.Intact.class);
        AuditChainVerifier anchored = new AuditChainVerifier(locA, new AuditChainVerifier.Anchor(6, sixth));
        tx.inTransaction(c -> { AuditEntries.forEach(c, locA, anchored::accept); return null; });
        assertThat(anchored.verdict()).isEqualTo(new ChainVerdict.Broken(locA, 5, ChainVerdict.Break.TAIL_MISSING));
    }

    @Test
    void concurrentWritersOfOneLocationNeverFork() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) done.add(pool.submit(() -> write(locA, 25)));
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(verify(locA)).isEqualTo(new ChainVerdict.Intact(locA, 100, lastHash(locA)));
    }

    @Test
    void theMigrationChainsEntriesWrittenBeforeIt() throws Exception {
        try (TestPostgres.Schema old = TestPostgres.newSchema("audit_old")) {
            Flyway.configure().dataSource(old.jdbcUrl(), old.user(), old.password()).locations("classpath:db/migration")
                    .target("54").load().migrate();
            try (Connection c = old.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO audit_log (location_id, contact_id, actor, action, detail) VALUES "
                        + "('loc-a', 'c1', 'bot', 'replied', '{\"stage\": \"q\"}'), ('loc-b', NULL, 'ghl', 'app_installed', '{}'),"
                        + "('loc-a', 'c2', 'ghl', 'opted_out', '{\"reason\": \"STOP\"}')");
            }
            Flyway.configure().dataSource(old.jdbcUrl(), old.user(), old.password()).locations("classpath:db/migration")
                    .load().migrate();
            try (Database db = Database.open(new Database.Settings(old.jdbcUrl(), old.user(), old.password(), 1))) {
                Transactor oldTx = new Transactor(db.dataSource());
                oldTx.inTransaction(c -> {
                    audit.record(c, new LeadRef("loc-a", "c3"), AuditLog.Actor.BOT, "replied", Map.of());
                    return null;
                });
                List<AuditEntry> a = new ArrayList<>();
                oldTx.inTransaction(c -> { AuditEntries.forEach(c, "loc-a", a::add); return null; });
                assertThat(a).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
                assertThat(AuditChainVerifier.verify("loc-a", a)).isInstanceOf(ChainVerdict.Intact.class);
            }
        }
    }

    private void write(String location, int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            tx.inTransaction(c -> {
                audit.record(c, new LeadRef(location, "c-" + (k % 3)), AuditLog.Actor.BOT, "replied",
                        Map.of("stage", "qualifying", "n", k));
                return null;
            });
        }
    }

    private ChainVerdict verify(String location) {
        AuditChainVerifier v = new AuditChainVerifier(location);
        tx.inTransaction(c -> { AuditEntries.forEach(c, location, v::accept); return null; });
        return v.verdict();
    }

    private String lastHash(String location) {
        List<AuditEntry> all = new ArrayList<>();
        tx.inTransaction(c -> { AuditEntries.forEach(c, location, all::add); return null; });
        return all.getLast().hash();
    }

    /** As a superuser with the triggers off in this session: what an attacker with the owner's rights could do. */
    private void tamper(String sql) {
        tx.inTransaction(c -> {
            execute(c, "SET LOCAL session_replication_role = replica");
            return execute(c, sql + " AND location_id = '" + locA + "'");
        });
    }

    private static Void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return null;
    }
}
