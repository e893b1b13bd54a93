package com.jorge.platform.contactdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A contact's rows in Aurora: every table of the schema with a {@code location_id} and a
 * {@code contact_id} column, found in the catalogue at run time, so a table a later migration adds is
 * exported and erased without a change here. The audit log is not among them (it outlives the erasure,
 * see {@link ContactErasure}); {@code webhook_events} keeps its idempotency keys with the payload emptied,
 * so a redelivered old webhook is still recognised and starts nothing.
 */
final class AuroraContactRows {

    static final String AUDIT_LOG = "audit_log";
    static final String WEBHOOK_EVENTS = "webhook_events";
    private static final Set<String> NOT_ERASED = Set.of(AUDIT_LOG);

    private final ObjectMapper json;

    AuroraContactRows(ObjectMapper json) {
        this.json = json;
    }

    /** The tables that hold rows per contact (partitioned parents, never their partitions). */
    List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND NOT t.relispartition
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'contact_id' AND NOT a.attisdropped)
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'location_id' AND NOT a.attisdropped)
                ORDER BY t.relname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** Table name to its rows for the lead, each row as JSON (audit_log excluded: the export reads it as the chain). */
    Map<String, List<JsonNode>> export(Connection c, LeadRef lead) throws SQLException {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (String table : tables(c)) {
            if (table.equals(AUDIT_LOG)) continue;
            List<JsonNode> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(t)::text FROM " + quote(table)
                    + " t WHERE location_id = ? AND contact_id = ?")) {
                ps.setString(1, lead.locationId());
                ps.setString(2, lead.contactId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(read(rs.getString(1)));
                }
            }
            out.put(table, rows);
        }
        return out;
    }

    /** Deletes the lead's rows (webhook_events: empties their payload); table name to rows affected. */
    Map<String, Integer> erase(Connection c, LeadRef lead) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : tables(c)) {
            if (NOT_ERASED.contains(table)) continue;
            String sql = table.equals(WEBHOOK_EVENTS)
                    ? "UPDATE webhook_events SET payload = '{}'::jsonb WHERE location_id = ? AND contact_id = ? AND payload <> '{}'::jsonb"
                    : "DELETE FROM " + quote(table) + " WHERE location_id = ? AND contact_id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, lead.locationId());
                ps.setString(2, lead.contactId());
                out.put(table, ps.executeUpdate());
            }
        }
        return out;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's to_jsonb gave no JSON", e);
        }
    }
}
