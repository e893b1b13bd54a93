package com.jorge.platform.storage;

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
