package com.jorge.platform.biapi;

import com.jorge.platform.storage.Database;
import com.jorge.platform.testkit.LocalCognito;
import com.jorge.platform.testkit.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What every bi-api test stands on: a migrated schema with the given locations (UTC), the local Cognito pool whose
 * tokens the bi-api checks, the inbox members who may read a location, and the bi-api's settings for them.
 */
final class BiApiRig implements AutoCloseable {

    final TestPostgres.Schema schema;
    final Database database;
    final LocalCognito cognito = new LocalCognito(Clock.systemUTC());

    BiApiRig(String purpose, String... locations) throws Exception {
        schema = TestPostgres.migratedSchema(purpose);
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 2)).migrate();
        for (String location : locations) {
            execute("INSERT INTO locations (location_id, time_zone) VALUES (?, 'UTC')", location);
        }
    }

    /** A user of the pool in the given groups. */
    LocalCognito.User user(String email, String... groups) {
        return cognito.addUser(email, "pw", groups);
    }

    /** Makes the user a member of the location, as the GHL user given. */
    void member(LocalCognito.User user, String locationId, String ghlUserId) throws Exception {
        execute("INSERT INTO inbox_members (user_sub, location_id, ghl_user_id) VALUES (?, ?, ?)", user.subject(), locationId, ghlUserId);
    }

    /** The bi-api's settings for this schema and pool (a copy to add to). */
    Map<String, String> settings() {
        return new HashMap<>(Map.of("DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                "DATABASE_PASSWORD", schema.password() == null ? "" : schema.password(), "BI_API_ISSUER", cognito.issuer(),
                "BI_API_JWKS_URL", cognito.jwksUrl().toString(), "BI_API_CLIENT_ID", LocalCognito.CLIENT_ID, "BI_DEFAULT_ZONE", "UTC"));
    }

    /** One statement, committed. */
    void execute(String sql, Object... args) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
            c.commit();
        }
    }

    @Override
    public void close() {
        cognito.close();
        database.close();
        schema.close();
    }
}
