package com.jorge.platform.bots.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The hours in which no text may reach a lead, in the lead's local time. The window may wrap
 * midnight (the default, 21:00 to 08:00). With several candidate zones (the location's and the phone
 * area code's) a text goes out only when it is allowed in all of them: the lead's true zone is
 * unknown, and waiting is the lawful side of that doubt.
 */
public record QuietHours(LocalTime start, LocalTime end) implements TextingWindow {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end must differ (both " + start + ")");
        }
    }

    @Override
    public boolean isQuiet(Instant when, ZoneId zone) {
        LocalTime local = when.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** The first instant at or after {@code now} that is outside the quiet window in every zone. */
    public Instant nextAllowed(Instant now, Collection<ZoneId> zones) {
        return TextingWindow.nextAllowed(now, List.of(this), zones);
    }

    @Override
    public Instant endOfQuiet(Instant quietInstant, ZoneId zone) {
        ZonedDateTime local = quietInstant.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!start.isBefore(end) && !local.toLocalTime().isBefore(start)) {
            day = day.plusDays(1); // evening part of a window that wraps midnight
        }
        return ZonedDateTime.of(day, end, zone).toInstant(); // a DST gap resolves forward
    }
}
