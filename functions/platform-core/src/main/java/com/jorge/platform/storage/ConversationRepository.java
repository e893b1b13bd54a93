package com.jorge.platform.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system of record for conversation state, with optimistic versioning. */
public final class ConversationRepository {

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {};

    private final ObjectMapper json;

    public ConversationRepository(ObjectMapper json) {
        this.json = json;
    }

    public Optional<ConversationState> find(Connection c, LeadRef lead) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT bot_type, stage, language, facts, turns, temperature, temperature_reasons, opted_out,
                       paused_until, last_inbound_at, last_reply_at, version
                FROM conversations WHERE location_id = ? AND contact_id = ?""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new ConversationState(
                        BotType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        read(rs.getString(4), FACTS), rs.getInt(5), Temperature.valueOf(rs.getString(6)),
                        read(rs.getString(7), REASONS), rs.getBoolean(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getLong(12)));
            }
        }
    }

    /**
     * Stores {@code state} if nobody stored a newer one since it was read ({@code state.version()} is the
     * version read; 0 for a new conversation). Returns the state with its new version.
     */
    public ConversationState save(Connection c, LeadRef lead, ConversationState state) throws SQLException {
        long next = state.version() + 1;
        String sql = state.version() == 0
                ? """
                  INSERT INTO conversations (bot_type, stage, language, facts, turns, temperature, temperature_reasons,
                      opted_out, paused_until, last_inbound_at, last_reply_at, version, updated_at, location_id, contact_id)
                  VALUES (?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, now(), ?, ?)
                  ON CONFLICT (location_id, contact_id) DO NOTHING"""
                : """
                  UPDATE conversations SET bot_type = ?, stage = ?, language = ?, facts = ?::jsonb, turns = ?,
                      temperature = ?, temperature_reasons = ?::jsonb, opted_out = ?, paused_until = ?,
                      last_inbound_at = ?, last_reply_at = ?, version = ?, updated_at = now()
                  WHERE location_id = ? AND contact_id = ? AND version = """ + state.version();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.botType().name());
            ps.setString(2, state.stage());
            ps.setString(3, state.language());
            ps.setString(4, write(state.facts()));
            ps.setInt(5, state.turns());
            ps.setString(6, state.temperature().name());
            ps.setString(7, write(state.temperatureReasons()));
            ps.setBoolean(8, state.optedOut());
            ps.setTimestamp(9, timestamp(state.pausedUntil()));
            ps.setTimestamp(10, timestamp(state.lastInboundAt()));
            ps.setTimestamp(11, timestamp(state.lastReplyAt()));
            ps.setLong(12, next);
            ps.setString(13, lead.locationId());
            ps.setString(14, lead.contactId());
            if (ps.executeUpdate() != 1) {
                throw new ConcurrentUpdateException("conversation changed since it was read (expected version "
                        + state.version() + ")");
            }
        }
        return state.withVersion(next);
    }

    /**
     * Leads the bot wrote to last, quiet for at least {@code quietFor}, in stages where the bot still
     * leads, whose count of unanswered follow-ups (the fact {@code counterFact}) is below {@code cap}:
     * candidates for a follow-up (the policy decides whether one is due). Longest quiet first.
     */
    public java.util.List<LeadRef> followUpCandidates(Connection c, Instant now, java.time.Duration quietFor,
                                                      String counterFact, int cap, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT location_id, contact_id FROM conversations
                WHERE NOT opted_out AND last_reply_at IS NOT NULL AND last_reply_at <= ?
                  AND (last_inbound_at IS NULL OR last_inbound_at <= last_reply_at)
                  AND (paused_until IS NULL OR paused_until <= ?)
                  AND stage NOT IN ('new', 'handed_off', 'closed', 'opted_out', 'wrong_number')
                  AND COALESCE((facts->>?)::int, 0) < ?
                ORDER BY last_reply_at LIMIT ?""")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(quietFor)));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, counterFact);
            ps.setInt(4, cap);
            ps.setInt(5, limit);
            java.util.List<LeadRef> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new LeadRef(rs.getString(1), rs.getString(2)));
            }
            return out;
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation JSON is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
