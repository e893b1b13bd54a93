package com.jorge.platform.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests. Uses the server named by {@code JORGE_TEST_DATABASE_URL}, else the one on
 * 127.0.0.1:5432 (user postgres, database test) when it answers, else starts an embedded PostgreSQL
 * from Maven artifacts once per JVM, so the suite passes on a machine with nothing installed.
 * Every caller gets its own schema, so test classes never see each other's rows.
 */
public final class TestPostgres {

    private static final String MACHINE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static Server server;

    private TestPostgres() {}

    /** Where the database lives: a base URL without schema, and credentials. */
    public record Server(String baseUrl, String user, String password, String origin) {}

    /**
     * A schema of its own; dropping it on close removes every table a test created. A {@code reusable} schema
     * (from {@link #migratedSchema}) is instead emptied on close for the next test of this JVM.
     */
    public record Schema(Server server, String name, boolean reusable) implements AutoCloseable {
        public Schema(Server server, String name) {
            this(server, name, false);
        }

        public String jdbcUrl() {
            String url = server.baseUrl() + (server.baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
            // names the connections, so that giving the schema back can cut the ones a test left open
            return reusable ? url + "&ApplicationName=" + name : url;
        }

        public String user() { return server.user(); }

        public String password() { return server.password(); }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user(), password());
        }

        @Override
        public void close() {
            if (reusable) MigratedSchemas.giveBack(this);
            else drop();
        }

        void drop() {
            execute(server, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    public static synchronized Server server() {
        if (server == null) server = locate();
        return server;
    }

    public static Schema newSchema(String purpose) {
        String name = ("t_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
        Server s = server();
        execute(s, "CREATE SCHEMA " + name);
        return new Schema(s, name);
    }

    /**
     * A schema with the platform's migrations (db/migration on the caller's classpath) already applied, for code
     * that migrates on start: its own migrate then only validates. Schemas are reused within the JVM, emptied of
     * rows (see {@link MigratedSchemas}); a test that needs an empty or partly migrated schema takes {@link #newSchema}.
     */
    public static Schema migratedSchema(String purpose) {
        return MigratedSchemas.take(server(), purpose);
    }

    private static Server locate() {
        String explicit = System.getenv("JORGE_TEST_DATABASE_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new Server(explicit, env("JORGE_TEST_DATABASE_USER", "postgres"),
                    env("JORGE_TEST_DATABASE_PASSWORD", ""), "JORGE_TEST_DATABASE_URL");
        }
        Server machine = new Server(MACHINE_URL, "postgres", "", "machine server 127.0.0.1:5432");
        if (answers(machine)) return machine;
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try { pg.close(); } catch (IOException ignored) { /* JVM is exiting */ }
            }));
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL on 127.0.0.1:5432 and the embedded one failed to start", e);
        }
    }

    private static boolean answers(Server s) {
        try (Connection c = DriverManager.getConnection(s.baseUrl() + "?connectTimeout=2", s.user(), s.password())) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.baseUrl(), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database statement failed: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
