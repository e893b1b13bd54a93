package com.jorge.platform.bi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One calendar day in a location's zone as the instants [start, end): 23 or 25 hours on DST days. */
public record DayWindow(LocalDate day, ZoneId zone) {

    public Instant start() {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /** Binds start and end as two timestamptz parameters from {@code index}. */
    void bind(PreparedStatement ps, int index) throws SQLException {
        ps.setObject(index, timestamptz(start()));
        ps.setObject(index + 1, timestamptz(end()));
    }

    static OffsetDateTime timestamptz(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
