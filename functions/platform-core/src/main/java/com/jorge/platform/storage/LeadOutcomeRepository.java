package com.jorge.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * Decided outcomes the lead score retrains on (table {@code lead_outcomes}, V50 + V52): one row per
 * lead, its attributes in the named feature set as the bots knew them, converted or not.
 */
public final class LeadOutcomeRepository {

    private final ObjectMapper json;

    public LeadOutcomeRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records a decided deal. A lead with several deals keeps a won outcome: a later lost or abandoned
     * deal replaces the row only when it is the same deal changing its mind. Returns whether the row
     * was written.
     */
    public boolean record(Connection c, LeadRef lead, String opportunityId, String featureSet,
                          Map<String, Object> attributes, boolean converted, Instant decidedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO lead_outcomes (location_id, contact_id, attributes, converted, decided_at, feature_set,
                    opportunity_id)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (location_id, contact_id) DO UPDATE SET attributes = EXCLUDED.attributes,
                    converted = EXCLUDED.converted, decided_at = EXCLUDED.decided_at,
                    feature_set = EXCLUDED.feature_set, opportunity_id = EXCLUDED.opportunity_id, recorded_at = now()
                WHERE EXCLUDED.converted OR NOT lead_outcomes.converted
                    OR lead_outcomes.opportunity_id IS NOT DISTINCT FROM EXCLUDED.opportunity_id""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, toJson(attributes));
            ps.setBoolean(4, converted);
            ps.setTimestamp(5, Timestamp.from(decidedAt));
            ps.setString(6, featureSet);
            ps.setString(7, opportunityId);
            return ps.executeUpdate() == 1;
        }
    }

    /** A reopened deal is undecided again: its outcome goes, another deal's stays. */
    public boolean withdraw(Connection c, LeadRef lead, String opportunityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM lead_outcomes WHERE location_id = ? AND contact_id = ? AND opportunity_id = ?")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, opportunityId);
            return ps.executeUpdate() == 1;
        }
    }

    private String toJson(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("lead outcome attributes are not JSON-serialisable", e);
        }
    }
}
