package com.jorge.platform.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Properties;

/**
 * The Aurora PostgreSQL connection pool. URLs may be plain {@code jdbc:postgresql://} (tests, laptop) or
 * {@code jdbc:aws-wrapper:postgresql://} (AWS: fast failover, IAM auth); against a plain PostgreSQL the
 * wrapper is told its dialect.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public record Settings(String jdbcUrl, String user, String password, int maxPoolSize) {
        @Override
        public String toString() {
            return "Settings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, maxPoolSize=" + maxPoolSize + "]";
        }

        /**
         * DATABASE_URL, with DATABASE_USER/DATABASE_PASSWORD or DATABASE_SECRET (the Secrets Manager JSON
         * {username, password} that RDS rotation writes), and DATABASE_POOL_SIZE (default 4).
         */
        public static Settings fromConfig(PlatformConfig config) {
            String url = config.require("DATABASE_URL");
            String user = config.get("DATABASE_USER", null);
            String password = config.get("DATABASE_PASSWORD", null);
            if (user == null) {
                String secret = config.get("DATABASE_SECRET").orElse(null);
                if (secret != null) {
                    try {
                        JsonNode s = PlatformJson.mapper().readTree(secret);
                        user = s.path("username").asText(null);
                        password = s.path("password").asText(null);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("DATABASE_SECRET is not the JSON {username, password}", e);
                    }
                }
            }
            return new Settings(url, user, password, config.getInt("DATABASE_POOL_SIZE", 4));
        }
    }

    public static Database open(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(5_000);
        config.setPoolName("jorge-aurora");
        // every unit of work is a transaction (Transactor); no autocommit flip-flop per checkout
        config.setAutoCommit(false);
        if (settings.jdbcUrl().startsWith("jdbc:aws-wrapper:")) {
            config.setDriverClassName("software.amazon.jdbc.Driver");
            Properties props = new Properties();
            if (!settings.jdbcUrl().contains("wrapperDialect=")) props.setProperty("wrapperDialect", "aurora-pg");
            config.setDataSourceProperties(props);
        }
        return new Database(new HikariDataSource(config));
    }

    /** Applies the versioned migrations in db/migration; safe to call on every cold start. */
    public Database migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return this;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
