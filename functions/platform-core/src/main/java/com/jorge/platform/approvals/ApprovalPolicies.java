package com.jorge.platform.approvals;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Decides whether a proposed action may run alone, by the location's policy ({@code approval_policies},
 * {@link ApprovalPolicy#DEFAULT} without one) and what the bot did for the contact before (the audit
 * log), and counts every decision for the autonomy rate: {@value #BOT_ACTIONS} with dimension
 * {@code autonomous} or {@code needs_person}; autonomy = autonomous / all.
 */
public final class ApprovalPolicies {

    public static final String BOT_ACTIONS = PlatformMetrics.BOT_ACTIONS;

    private final PlatformMetrics metrics;

    public ApprovalPolicies(PlatformMetrics metrics) {
        this.metrics = metrics;
    }

    /** The rules the action meets; empty when the bot may go ahead. */
    public List<String> rulesFor(Connection c, String locationId, LeadRef contact, ProposedAction action) throws SQLException {
        List<String> rules = rulesFor(c, policy(c, locationId), contact, action);
        metrics.count(BOT_ACTIONS, rules.isEmpty() ? "autonomous" : "needs_person");
        return rules;
    }

    /**
     * The same under a policy the caller already holds, uncounted (the worker counts its replies and
     * actions itself). The audit log is read only when the policy asks about first times.
     */
    public static List<String> rulesFor(Connection c, ApprovalPolicy policy, LeadRef contact, ProposedAction action)
            throws SQLException {
        boolean firstTime = policy.firstTimeAction() && contact != null && !didBefore(c, contact, action.kind());
        return policy.rulesFor(action, firstTime);
    }

    public ApprovalPolicy policy(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT price_opinion, listing_appointment_above, reengage_more_than, guard_flagged_reply, first_time_action
                FROM approval_policies WHERE location_id = ?""")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return ApprovalPolicy.DEFAULT;
                // wasNull() speaks of the column read last: read reengage_more_than's right before asking
                int reengage = rs.getInt(3);
                Integer reengageMoreThan = rs.wasNull() ? null : reengage;
                return new ApprovalPolicy(rs.getBoolean(1), rs.getBigDecimal(2), reengageMoreThan,
                        rs.getBoolean(4), rs.getBoolean(5));
            }
        }
    }

    public void save(Connection c, String locationId, ApprovalPolicy policy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO approval_policies (location_id, price_opinion, listing_appointment_above, reengage_more_than,
                    guard_flagged_reply, first_time_action) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id) DO UPDATE SET price_opinion = EXCLUDED.price_opinion,
                    listing_appointment_above = EXCLUDED.listing_appointment_above,
                    reengage_more_than = EXCLUDED.reengage_more_than, guard_flagged_reply = EXCLUDED.guard_flagged_reply,
                    first_time_action = EXCLUDED.first_time_action""")) {
            ps.setString(1, locationId);
            ps.setBoolean(2, policy.priceOpinion());
            ps.setBigDecimal(3, policy.listingAppointmentAbove());
            if (policy.reengageMoreThan() == null) ps.setNull(4, java.sql.Types.INTEGER);
            else ps.setInt(4, policy.reengageMoreThan());
            ps.setBoolean(5, policy.guardFlaggedReply());
            ps.setBoolean(6, policy.firstTimeAction());
            ps.executeUpdate();
        }
    }

    /**
     * Done before: the bot carried it out ({@code crm_action} of that kind, a listing appointment's named
     * {@code listing_appointment}), or a person approved it. Only asking for approval ({@code approval_requested})
     * or a rejected one does not count: it was never done.
     */
    private static boolean didBefore(Connection c, LeadRef contact, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM audit_log WHERE location_id = ? AND contact_id = ?
                  AND ((actor = 'bot' AND action = ?)
                    OR (action IN ('crm_action', 'approval_approved') AND detail ->> 'kind' = ?)) LIMIT 1""")) {
            ps.setString(1, contact.locationId());
            ps.setString(2, contact.contactId());
            ps.setString(3, kind);
            ps.setString(4, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
