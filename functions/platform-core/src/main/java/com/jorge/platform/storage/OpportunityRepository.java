package com.jorge.platform.storage;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Deals in the GHL pipeline, and appointments booked with leads. */
public final class OpportunityRepository {

    public void upsert(Connection c, GhlEvent.OpportunityChanged e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO opportunities (location_id, opportunity_id, contact_id, pipeline_id, pipeline_stage_id,
                    status, monetary_value, name, assigned_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, opportunity_id) DO UPDATE SET contact_id = EXCLUDED.contact_id,
                    pipeline_id = COALESCE(EXCLUDED.pipeline_id, opportunities.pipeline_id),
                    pipeline_stage_id = COALESCE(EXCLUDED.pipeline_stage_id, opportunities.pipeline_stage_id),
                    status = COALESCE(EXCLUDED.status, opportunities.status),
                    monetary_value = COALESCE(EXCLUDED.monetary_value, opportunities.monetary_value),
                    name = COALESCE(EXCLUDED.name, opportunities.name),
                    assigned_to = COALESCE(EXCLUDED.assigned_to, opportunities.assigned_to),
                    updated_at = now()""")) {
            ps.setString(1, e.meta().locationId());
            ps.setString(2, e.opportunityId());
            ps.setString(3, e.contactId());
            ps.setString(4, e.pipelineId());
            ps.setString(5, e.pipelineStageId());
            ps.setString(6, e.status());
            ps.setBigDecimal(7, e.monetaryValue());
            ps.setString(8, e.name());
            ps.setString(9, e.assignedTo());
            ps.executeUpdate();
        }
    }

    /**
     * Records the pipeline stage the bot put the lead's opportunity in (creating the row for one the bot
     * just created), so the next move updates that opportunity instead of opening another.
     */
    public void recordStage(Connection c, LeadRef lead, String opportunityId, String pipelineId, String stageId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO opportunities (location_id, opportunity_id, contact_id, pipeline_id, pipeline_stage_id, status)
                VALUES (?, ?, ?, ?, ?, 'open')
                ON CONFLICT (location_id, opportunity_id) DO UPDATE SET pipeline_id = EXCLUDED.pipeline_id,
                    pipeline_stage_id = EXCLUDED.pipeline_stage_id, updated_at = now()""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, opportunityId);
            ps.setString(3, lead.contactId());
            ps.setString(4, pipelineId);
            ps.setString(5, stageId);
            ps.executeUpdate();
        }
    }

    /** The lead's most recently touched open opportunity, which the bot moves through the pipeline. */
    public Optional<String> openOpportunityOf(Connection c, LeadRef lead) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT opportunity_id FROM opportunities
                WHERE location_id = ? AND contact_id = ? AND COALESCE(status, 'open') = 'open'
                ORDER BY updated_at DESC LIMIT 1""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void upsertAppointment(Connection c, GhlEvent.AppointmentCreated e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO appointments (location_id, appointment_id, contact_id, calendar_id, status, title,
                    starts_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, appointment_id) DO UPDATE SET status = EXCLUDED.status,
                    title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""")) {
            ps.setString(1, e.meta().locationId());
            ps.setString(2, e.appointmentId());
            ps.setString(3, e.contactId());
            ps.setString(4, e.calendarId());
            ps.setString(5, e.status());
            ps.setString(6, e.title());
            ps.setTimestamp(7, e.startTime() == null ? null : Timestamp.from(e.startTime()));
            ps.setTimestamp(8, e.endTime() == null ? null : Timestamp.from(e.endTime()));
            ps.executeUpdate();
        }
    }
}
