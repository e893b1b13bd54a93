package com.jorge.platform.worker.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One row of {@code lead_scores} per turn that scored the lead anew: the score, the temperature, the reasons
 * and the model version that gave the score (a {@code model_version} experiment's variant shows here as the
 * version it routes to, {@code rules} for the rule-based estimate). The bots leave the score and its version
 * in the state's facts ({@link LeadFacts#SCORE}, {@link LeadFacts#SCORE_MODEL_VERSION}); a state without
 * them (another policy) writes no row.
 */
public final class LeadScoreRecords {

    /** The model version the state says scored it, when it says. */
    public static Optional<String> modelVersion(ConversationState state) {
        return Optional.ofNullable(state.facts().get(LeadFacts.SCORE_MODEL_VERSION));
    }

    /** Adds the row, in the turn's transaction; false when the state names no model version. */
    public boolean record(Connection c, LeadRef lead, Instant at, ConversationState state, List<String> reasons)
            throws SQLException {
        Optional<String> version = modelVersion(state);
        if (version.isEmpty()) return false;
        String score = state.facts().get(LeadFacts.SCORE);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead_scores (location_id, contact_id, scored_at,"
                + " score, temperature, reasons, model_version) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setObject(3, at.atOffset(ZoneOffset.UTC));
            if (score == null) ps.setNull(4, java.sql.Types.DOUBLE); else ps.setDouble(4, Double.parseDouble(score));
            ps.setString(5, state.temperature().name());
            ps.setString(6, PlatformJson.mapper().writeValueAsString(reasons));
            ps.setString(7, version.get());
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons are strings", e);
        }
        return true;
    }
}
