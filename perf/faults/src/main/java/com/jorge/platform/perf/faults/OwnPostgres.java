package com.jorge.platform.perf.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL of the harness's own (the embedded one from Maven artifacts, as the test kit uses), on a
 * fixed free port with its data in the run's folder, so the restart scenario stops and starts it
 * without touching the machine's server and the platform reconnects to the same address and data.
 */
final class OwnPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private OwnPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static OwnPostgres start(Path workDir) throws IOException {
        OwnPostgres pg = new OwnPostgres(workDir.resolve("pgdata"), OwnRedis.freePort());
        pg.launch();
        return pg;
    }

    String baseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    String password() {
        return "postgres";
    }

    /** A schema of the scenario's own, so no scenario's rows mix with another's. */
    String newSchema(String name) throws SQLException {
        try (Connection c = connect(baseUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return baseUrl() + "?currentSchema=" + name;
    }

    Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user(), password());
    }

    /** A fast shutdown (pg_ctl -m fast): open connections are cut, committed data stays. */
    void stop() throws IOException {
        if (postgres != null) postgres.close();
        postgres = null;
    }

    void startAgain() throws IOException {
        if (postgres == null) launch();
    }

    private void launch() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "300").start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
