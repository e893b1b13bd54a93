package com.jorge.platform.worker.booking;

import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** The appointments the bots booked ({@code bot_appointments}): one row per outbox action that booked, moved or cancelled one. */
public final class BotAppointments {

    /** One action's outcome. {@code appointmentId} is null when the slot was taken. */
    public record Row(long actionId, LeadRef lead, String appointmentId, String calendarId, AppointmentPurpose purpose,
                      Instant start, String status, Long replyId) {}

    public Optional<Row> ofAction(Connection c, String locationId, long actionId) throws SQLException {
        return one(c, "SELECT * FROM bot_appointments WHERE location_id = ? AND action_id = ?", locationId, actionId);
    }

    /** The lead's appointment that is on now (booked, not moved away or cancelled since). */
    public Optional<Row> current(Connection c, LeadRef lead) throws SQLException {
        return one(c, """
                SELECT * FROM bot_appointments WHERE location_id = ? AND contact_id = ? AND status = 'booked'
                ORDER BY created_at DESC, action_id DESC LIMIT 1""", lead.locationId(), lead.contactId());
    }

    /** Whether GHL's appointment {@code appointmentId} is one the bots booked. */
    public boolean ours(Connection c, String locationId, String appointmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM bot_appointments WHERE location_id = ? AND appointment_id = ? LIMIT 1")) {
            ps.setString(1, locationId);
            ps.setString(2, appointmentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void insert(Connection c, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bot_appointments (location_id, action_id, contact_id, appointment_id, calendar_id, purpose,
                                              start_time, status, reply_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, row.lead().locationId());
            ps.setLong(2, row.actionId());
            ps.setString(3, row.lead().contactId());
            ps.setString(4, row.appointmentId());
            ps.setString(5, row.calendarId());
            ps.setString(6, row.purpose().name());
            ps.setTimestamp(7, row.start() == null ? null : Timestamp.from(row.start()));
            ps.setString(8, row.status());
            if (row.replyId() == null) ps.setNull(9, Types.BIGINT); else ps.setLong(9, row.replyId());
            ps.executeUpdate();
        }
    }

    /** The appointment an earlier action booked is no longer on: moved by a later action, or cancelled. */
    public void setStatus(Connection c, String locationId, long actionId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE bot_appointments SET status = ? WHERE location_id = ? AND action_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, locationId);
            ps.setLong(3, actionId);
            ps.executeUpdate();
        }
    }

    private Optional<Row> one(Connection c, String sql, String locationId, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, locationId);
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Timestamp start = rs.getTimestamp("start_time");
                long reply = rs.getLong("reply_id");
                return Optional.of(new Row(rs.getLong("action_id"), new LeadRef(locationId, rs.getString("contact_id")),
                        rs.getString("appointment_id"), rs.getString("calendar_id"),
                        AppointmentPurpose.valueOf(rs.getString("purpose")), start == null ? null : start.toInstant(),
                        rs.getString("status"), rs.wasNull() ? null : reply));
            }
        }
    }
}
