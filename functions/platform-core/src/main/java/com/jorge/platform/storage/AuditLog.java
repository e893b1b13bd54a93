package com.jorge.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** Who did what to a lead, for compliance questions ("why did the bot stop texting me?"). */
public final class AuditLog {

    public enum Actor { BOT, HUMAN, GHL, SYSTEM }

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    public void record(Connection c, LeadRef lead, Actor actor, String action, Map<String, ?> detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (location_id, contact_id, actor, action, detail) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, actor.name().toLowerCase());
            ps.setString(4, action);
            ps.setString(5, json.writeValueAsString(detail));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
