package com.jorge.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** CRM changes decided by the bot, stored with the decision and carried out afterwards. */
public final class CrmActionOutbox {

    public record PendingAction(long id, LeadRef lead, CrmAction action) {}

    private final ObjectMapper json;

    public CrmActionOutbox(ObjectMapper json) {
        this.json = json;
    }

    /** Stores the action as pending; returns it with its id. */
    public PendingAction add(Connection c, LeadRef lead, String webhookId, CrmAction action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO crm_actions (location_id, contact_id, webhook_id, action_type, action, status)
                VALUES (?, ?, ?, ?, ?::jsonb, 'pending') RETURNING id""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, webhookId);
            ps.setString(4, action.getClass().getSimpleName());
            ps.setString(5, json.writeValueAsString(action));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PendingAction(rs.getLong(1), lead, action);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PendingAction> pending(Connection c, String locationId, String webhookId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, contact_id, action_type, action::text FROM crm_actions
                WHERE location_id = ? AND webhook_id = ? AND status = 'pending' ORDER BY id""")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            List<PendingAction> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingAction(rs.getLong(1), new LeadRef(locationId, rs.getString(2)),
                            decode(rs.getString(3), rs.getString(4))));
                }
            }
            return out;
        }
    }

    public void markDone(Connection c, String locationId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE crm_actions SET status = 'done', done_at = now() WHERE location_id = ? AND id = ?")) {
            ps.setString(1, locationId);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private CrmAction decode(String type, String body) {
        Class<? extends CrmAction> cls = switch (type) {
            case "AddTags" -> CrmAction.AddTags.class;
            case "UpdateFields" -> CrmAction.UpdateFields.class;
            case "MoveOpportunity" -> CrmAction.MoveOpportunity.class;
            case "MarkDoNotDisturb" -> CrmAction.MarkDoNotDisturb.class;
            case "HandOff" -> CrmAction.HandOff.class;
            case "ScheduleFollowUps" -> CrmAction.ScheduleFollowUps.class;
            case "BookAppointment" -> CrmAction.BookAppointment.class;
            case "CancelAppointment" -> CrmAction.CancelAppointment.class;
            default -> throw new IllegalStateException("unknown stored CRM action type " + type);
        };
        try {
            return json.readValue(body, cls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored CRM action is unreadable", e);
        }
    }
}
