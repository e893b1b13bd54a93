package com.jorge.platform.testkit;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Schemas with the platform's migrations applied, reused within one JVM. Applying the 80-odd migrations to a
 * fresh schema (over 600 relations: eight hash partitions per table, each with its indexes) takes seconds, and
 * dropping it again about one more; emptying a used one takes milliseconds. A schema given back is reused only
 * when its structure is exactly what the migrations made (same relations, columns, constraints, triggers and
 * functions, same migration history): one a test altered is dropped, as before. Every connection still open on
 * it is cut first, so a late writer from the last test cannot reach the next one.
 */
final class MigratedSchemas {

    private static final Deque<String> idle = new ArrayDeque<>();
    private static String reference;
    private static boolean cleanupRegistered;

    private MigratedSchemas() {}

    static synchronized TestPostgres.Schema take(TestPostgres.Server server, String purpose) {
        String name = idle.pollFirst();
        if (name != null) return new TestPostgres.Schema(server, name, true);
        TestPostgres.Schema fresh = TestPostgres.newSchema(purpose);
        TestPostgres.Schema schema = new TestPostgres.Schema(server, fresh.name(), true);
        Flyway.configure()
                .dataSource(schema.jdbcUrl(), schema.user(), schema.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (reference == null) {
            // read as giveBack reads it: from outside the schema, where names in it come out qualified
            try (Connection c = DriverManager.getConnection(server.baseUrl(), server.user(), server.password())) {
                reference = structure(c, schema.name());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the migrated schema's structure", e);
            }
        }
        if (!cleanupRegistered) {
            cleanupRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(MigratedSchemas::dropIdle, "drop-idle-test-schemas"));
        }
        return schema;
    }

    /** Empties the schema for the next test, or drops it when it cannot be trusted to be as migrated. */
    static void giveBack(TestPostgres.Schema schema) {
        if (emptied(schema)) {
            synchronized (MigratedSchemas.class) {
                idle.addFirst(schema.name());
            }
        } else {
            schema.drop();
        }
    }

    private static boolean emptied(TestPostgres.Schema schema) {
        try (Connection c = DriverManager.getConnection(schema.server().baseUrl(), schema.user(), schema.password())) {
            try (PreparedStatement cut = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = ? AND pid <> pg_backend_pid()")) {
                cut.setString(1, schema.name());
                cut.executeQuery().close();
            }
            String expected;
            synchronized (MigratedSchemas.class) {
                expected = reference;
            }
            if (expected == null || !expected.equals(structure(c, schema.name()))) return false;
            List<String> filled = filledTables(c, schema.name());
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '5s'");
                // the audit log refuses TRUNCATE by trigger, as it should in production; a replica session skips it
                st.execute("SET LOCAL session_replication_role = replica");
                if (!filled.isEmpty()) {
                    st.execute("TRUNCATE " + String.join(", ", filled) + " RESTART IDENTITY CASCADE");
                }
                for (String sequence : sequences(c, schema.name())) {
                    st.execute("ALTER SEQUENCE " + sequence + " RESTART");
                }
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Everything a migration or a test's DDL can change, as one digest (the schema's own name left out). */
    private static String structure(Connection c, String schema) throws SQLException {
        String sql = """
                SELECT md5(string_agg(replace(x, ?, '$schema'), ',' ORDER BY x)) FROM (
                  SELECT 'rel:' || c.relname || ':' || c.relkind::text || ':' || coalesce(a.attname, '') || ':'
                         || coalesce(format_type(a.atttypid, a.atttypmod), '') || ':' || coalesce(a.attnotnull::text, '')
                         || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS x
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                   WHERE n.nspname = ?
                  UNION ALL
                  SELECT 'con:' || r.relname || ':' || co.conname || ':' || pg_get_constraintdef(co.oid)
                    FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
                    LEFT JOIN pg_class r ON r.oid = co.conrelid
                   WHERE n.nspname = ?
                  UNION ALL
                  SELECT 'trg:' || r.relname || ':' || t.tgname || ':' || t.tgenabled::text
                    FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                   WHERE n.nspname = ? AND NOT t.tgisinternal
                  UNION ALL
                  SELECT 'fn:' || p.proname || ':' || md5(p.prosrc)
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = ?
                ) parts""";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 1; i <= 5; i++) st.setString(i, schema);
            String digest;
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                digest = rs.getString(1);
            }
            try (Statement h = c.createStatement(); ResultSet rs = h.executeQuery(
                    "SELECT count(*), bool_and(success) FROM \"" + schema + "\".flyway_schema_history")) {
                rs.next();
                return digest + "/" + rs.getLong(1) + "/" + rs.getBoolean(2);
            }
        }
    }

    /** The top-level tables holding any row (a partitioned table answers for its partitions). */
    private static List<String> filledTables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                + "AND c.relname <> 'flyway_schema_history'")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) tables.add("\"" + schema + "\".\"" + rs.getString(1) + "\"");
            }
        }
        if (tables.isEmpty()) return tables;
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            probes.add("SELECT " + i + " WHERE EXISTS (SELECT 1 FROM " + tables.get(i) + ")");
        }
        List<String> filled = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(String.join(" UNION ALL ", probes))) {
            while (rs.next()) filled.add(tables.get(rs.getInt(1)));
        }
        return filled;
    }

    private static List<String> sequences(Connection c, String schema) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'S'")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) sequences.add("\"" + schema + "\".\"" + rs.getString(1) + "\"");
            }
        }
        return sequences;
    }

    private static synchronized void dropIdle() {
        TestPostgres.Server server = TestPostgres.server();
        for (String name : idle) {
            new TestPostgres.Schema(server, name, false).drop();
        }
        idle.clear();
    }
}
