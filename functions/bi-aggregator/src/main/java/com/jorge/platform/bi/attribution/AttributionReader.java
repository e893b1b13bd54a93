package com.jorge.platform.bi.attribution;

import com.jorge.platform.bi.BiReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.jorge.platform.bi.commission.CommissionLedger.money;

/** Sums bi_deal_touches of the deals decided in [start, end) per model and touch; every model is listed. */
public final class AttributionReader {

    public List<BiReport.ModelAttribution> read(Connection c, String locationId, Instant start, Instant end)
            throws SQLException {
        Map<AttributionModel, List<BiReport.Credit>> credits = new EnumMap<>(AttributionModel.class);
        Map<AttributionModel, long[]> totals = new EnumMap<>(AttributionModel.class);
        try (PreparedStatement ps = range(c, """
                SELECT model, touch_kind, touch_key, campaign, count(DISTINCT opportunity_id), sum(credit_cents)
                FROM bi_deal_touches WHERE location_id = ? AND decided_at >= ? AND decided_at < ?
                GROUP BY model, touch_kind, touch_key, campaign HAVING sum(credit_cents) <> 0
                ORDER BY model, sum(credit_cents) DESC, touch_kind, touch_key, campaign""", locationId, start, end);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                credits.computeIfAbsent(AttributionModel.of(rs.getString(1)), k -> new ArrayList<>()).add(new BiReport.Credit(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), money(rs.getLong(6))));
            }
        }
        try (PreparedStatement ps = range(c, """
                SELECT model, count(DISTINCT opportunity_id), sum(credit_cents) FROM bi_deal_touches
                WHERE location_id = ? AND decided_at >= ? AND decided_at < ? GROUP BY model""", locationId, start, end);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) totals.put(AttributionModel.of(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
        }
        List<BiReport.ModelAttribution> out = new ArrayList<>();
        for (AttributionModel model : AttributionModel.values()) {
            long[] total = totals.getOrDefault(model, new long[2]);
            out.add(new BiReport.ModelAttribution(model.sqlName(), (int) total[0], money(total[1]),
                    credits.getOrDefault(model, List.of())));
        }
        return out;
    }

    private static PreparedStatement range(Connection c, String sql, String locationId, Instant start, Instant end)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, locationId);
        ps.setObject(2, start.atOffset(ZoneOffset.UTC));
        ps.setObject(3, end.atOffset(ZoneOffset.UTC));
        return ps;
    }
}
