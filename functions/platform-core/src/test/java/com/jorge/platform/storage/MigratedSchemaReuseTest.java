package com.jorge.platform.storage;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test kit's reuse of migrated schemas (TestPostgres.migratedSchema), on the platform's real migrations:
 * a schema comes back empty and exactly as migrated, or not at all.
 */
class MigratedSchemaReuseTest {

    private final AuditLog audit = new AuditLog(PlatformJson.mapper());

    @Test
    void aGivenBackSchemaComesBackEmptyWithTheAuditLogStillAppendOnly() throws Exception {
        String first;
        try (TestPostgres.Schema schema = TestPostgres.migratedSchema("reuse");
             Database db = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 2)).migrate()) {
            first = schema.name();
            Transactor tx = new Transactor(db.dataSource());
            for (int i = 0; i < 3; i++) {
                tx.inTransaction(c -> {
                audit.record(c, new LeadRef("loc-reuse", "c-1"), AuditLog.Actor.BOT, "replied", Map.of());
                return null;
            });
            }
            assertThat(count(schema, "SELECT count(*) FROM audit_log")).isEqualTo(3);
        }
        try (TestPostgres.Schema again = TestPostgres.migratedSchema("reuse");
             Database db = Database.open(new Database.Settings(again.jdbcUrl(), again.user(), again.password(), 2)).migrate()) {
            assertThat(again.name()).as("the schema given back is the next one handed out").isEqualTo(first);
            assertThat(count(again, "SELECT count(*) FROM audit_log")).isZero();
            Transactor tx = new Transactor(db.dataSource());
            tx.inTransaction(c -> {
                audit.record(c, new LeadRef("loc-reuse", "c-1"), AuditLog.Actor.BOT, "replied", Map.of());
                return null;
            });
            assertThat(count(again, "SELECT max(seq) FROM audit_log")).as("the chain starts again at 1").isEqualTo(1);
            assertThatThrownBy(() -> execute(again, "TRUNCATE audit_log")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aSchemaATestAlteredIsDroppedNotReused() throws Exception {
        String altered;
        try (TestPostgres.Schema schema = TestPostgres.migratedSchema("reuse")) {
            altered = schema.name();
            execute(schema, "ALTER TABLE contacts ADD COLUMN left_behind text");
        }
        try (TestPostgres.Schema next = TestPostgres.migratedSchema("reuse")) {
            assertThat(next.name()).isNotEqualTo(altered);
            assertThat(count(next, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + altered + "'")).isZero();
            assertThat(count(next, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'left_behind'"
                    + " AND table_schema = '" + next.name() + "'")).isZero();
        }
    }

    @Test
    void aConnectionLeftOpenIsCutWhenTheSchemaIsGivenBack() throws Exception {
        TestPostgres.Schema schema = TestPostgres.migratedSchema("reuse");
        try (Connection left = schema.connect()) {
            schema.close();
            assertThatThrownBy(() -> left.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    private static long count(TestPostgres.Schema schema, String sql) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(TestPostgres.Schema schema, String sql) throws SQLException {
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
