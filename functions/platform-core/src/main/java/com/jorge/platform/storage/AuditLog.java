package com.jorge.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Who did what to a lead and why, for compliance questions ("why did the bot stop texting me?"). The
 * table is an append-only hash chain per location (V60): the database numbers and chains each entry,
 * {@link com.jorge.platform.audit.AuditChainVerifier} checks it. Entries carry ids and codes, never a
 * lead's name, phone, e-mail or message text: they outlive a GDPR erasure (a legal record for 7 years).
 */
public final class AuditLog {

    public enum Actor { BOT, HUMAN, GHL, SYSTEM }

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    /** The why, when a caller gave none, is the detail's {@code reason} if it has one. */
    public void record(Connection c, LeadRef lead, Actor actor, String action, Map<String, ?> detail) throws SQLException {
        Object reason = detail.get("reason");
        record(c, lead.locationId(), lead.contactId(), actor, null, action, reason == null ? null : reason.toString(), detail);
    }

    /**
     * @param contactId null for an entry about the location (install, uninstall)
     * @param actorId   the user or agent who acted, null for the bot, GHL or the platform itself
     */
    public void record(Connection c, String locationId, String contactId, Actor actor, String actorId, String action,
                       String reason, Map<String, ?> detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_log (location_id, contact_id, actor, actor_id, action, reason, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            ps.setString(1, locationId);
            ps.setString(2, contactId);
            ps.setString(3, actor.name().toLowerCase());
            ps.setString(4, actorId);
            ps.setString(5, action);
            ps.setString(6, reason);
            ps.setString(7, json.writeValueAsString(detail));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
