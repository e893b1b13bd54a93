package com.jorge.platform.models.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.models.features.FeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The platform's own outcomes: table {@code lead_outcomes} (migrations V50, V52) in Aurora PostgreSQL,
 * one row per lead whose outcome is decided, attributes as jsonb keyed by the feature set named in the
 * row's {@code feature_set} column. A run reads the rows of one feature set only: a model has one
 * input schema, and rows recorded in another schema are skipped, not guessed at. Works with
 * {@code jdbc:postgresql:} and {@code jdbc:aws-wrapper:postgresql:} URLs (against a plain PostgreSQL add
 * {@code wrapperDialect=pg}). The password comes from the caller, never from the URL
 * in logs: {@link #description()} prints the URL without its query string.
 */
public final class AuroraLeadOutcomeSource implements LeadOutcomeSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };

    private final String jdbcUrl;
    private final Properties connectionProperties;
    private final String locationId;
    private final FeatureSet featureSet;

    /**
     * @param locationId train on one GHL sub-account only; null for all of them
     * @param featureSet read the rows whose {@code feature_set} is this set's version, encoded by it
     */
    public AuroraLeadOutcomeSource(String jdbcUrl, String user, String password, String locationId,
                                   FeatureSet featureSet) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbc-url: must start with jdbc:, was " + redact(jdbcUrl));
        }
        this.jdbcUrl = jdbcUrl;
        this.connectionProperties = new Properties();
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        this.locationId = locationId;
        this.featureSet = Objects.requireNonNull(featureSet, "featureSet");
    }

    @Override
    public List<LeadOutcome> load() {
        // oldest first, ties broken by the primary key: the seeded split sees the same sequence on every run
        String sql = "SELECT location_id, contact_id, attributes::text, converted FROM lead_outcomes"
                + " WHERE feature_set = ?" + (locationId == null ? "" : " AND location_id = ?")
                + " ORDER BY decided_at, location_id, contact_id";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, connectionProperties);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, featureSet.version());
            if (locationId != null) {
                statement.setString(2, locationId);
            }
            statement.setFetchSize(5_000);
            connection.setAutoCommit(false); // the PostgreSQL driver streams with a fetch size only in a transaction
            List<LeadOutcome> outcomes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(parse(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4)));
                }
            }
            connection.commit();
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read lead_outcomes from " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    private LeadOutcome parse(String locationId, String contactId, String attributesJson, boolean converted) {
        String row = "lead_outcomes(" + locationId + ", " + contactId + ")";
        try {
            Map<String, Object> attributes = JSON.readValue(attributesJson, ATTRIBUTES);
            return LeadOutcome.encode(featureSet, attributes, converted);
        } catch (InvalidLeadAttributeException e) {
            throw new IllegalArgumentException(row + ".attributes." + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(row + ".attributes: not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public FeatureSet featureSet() {
        return featureSet;
    }

    @Override
    public boolean chronological() {
        return true;
    }

    @Override
    public String description() {
        return "aurora: table lead_outcomes at " + redact(jdbcUrl) + ", feature_set " + featureSet.version()
                + (locationId == null ? ", all locations" : ", location " + locationId);
    }

    @Override
    public String toString() {
        return description();
    }

    private static String redact(String url) {
        if (url == null) {
            return "null";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
