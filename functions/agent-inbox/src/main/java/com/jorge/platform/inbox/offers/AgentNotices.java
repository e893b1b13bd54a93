package com.jorge.platform.inbox.offers;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a person that something waits for them in the inbox: an SMS or an email through GHL (to the
 * contact that is this person in the location), with a link to the page; per location
 * ({@code inbox_location_settings.notify_channel}: sms, the default, email, or off). The text names no lead.
 * Approvals go to the GHL user the location names for them ({@code approvals_user_id}), else to the
 * approval workflow's team lead.
 */
public final class AgentNotices {

    public enum Channel { SMS, EMAIL, OFF }

    private final GhlApiClient ghl;
    private final String pageUrl;

    public AgentNotices(GhlApiClient ghl, String pageUrl) {
        this.ghl = ghl;
        this.pageUrl = pageUrl;
    }

    public Channel channel(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT notify_channel FROM inbox_location_settings WHERE location_id = ?")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Channel.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)) : Channel.SMS;
            }
        }
    }

    public void setChannel(Connection c, String locationId, Channel channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox_location_settings (location_id, notify_channel) VALUES (?, ?)
                ON CONFLICT (location_id) DO UPDATE SET notify_channel = EXCLUDED.notify_channel""")) {
            ps.setString(1, locationId);
            ps.setString(2, channel.name().toLowerCase(Locale.ROOT));
            ps.executeUpdate();
        }
    }

    /** The GHL user who hears of the location's new approvals; empty: the approval workflow's team lead. */
    public Optional<String> approvalsUser(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT approvals_user_id FROM inbox_location_settings WHERE location_id = ?")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void setApprovalsUser(Connection c, String locationId, String ghlUserId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO inbox_location_settings (location_id, approvals_user_id) VALUES (?, ?)
                ON CONFLICT (location_id) DO UPDATE SET approvals_user_id = EXCLUDED.approvals_user_id""")) {
            ps.setString(1, locationId);
            ps.setString(2, ghlUserId);
            ps.executeUpdate();
        }
    }

    /** Sends the notice; {@code what} is e.g. "A hot lead is waiting for you". */
    public void send(Channel channel, String locationId, String notifyContactId, String what, String anchor) {
        String link = pageUrl + "#" + anchor;
        LeadRef person = new LeadRef(locationId, notifyContactId);
        switch (channel) {
            case SMS -> ghl.sendSms(person, what + ": " + link);
            case EMAIL -> ghl.sendEmail(person, what, "<p>" + what + ".</p><p><a href=\"" + link + "\">Open the inbox</a></p>");
            case OFF -> { }
        }
    }
}
