package com.jorge.platform.biapi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may read a location's BI numbers: team leads and admins (Cognito groups {@code team_lead}, {@code admin})
 * of the locations they are members of ({@code inbox_members}, the inbox's table). Agents see no BI: it holds
 * every agent's commission.
 */
final class BiReaders {

    static final Set<String> GROUPS = Set.of("team_lead", "admin");

    private final DataSource dataSource;

    BiReaders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static boolean mayReadBi(List<String> groups) {
        return groups.stream().anyMatch(GROUPS::contains);
    }

    Set<String> locationsOf(String subject) {
        Set<String> out = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT location_id FROM inbox_members WHERE user_sub = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            c.rollback(); // read only; the pool does not auto-commit
        } catch (SQLException e) {
            throw new IllegalStateException("members could not be read", e);
        }
        return out;
    }
}
