package com.jorge.platform.bots.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A state's sending hours by day of the week, in the recipient's local time: Monday to Friday, Saturday,
 * Sunday; a day without hours allows no texts at all (Rhode Island's and Mississippi's Sundays).
 *
 * @param weekdays Monday to Friday, null for none
 * @param saturday null for none
 * @param sunday   null for none
 */
public record WeeklyHours(Hours weekdays, Hours saturday, Hours sunday) implements TextingWindow {

    /** From {@code from} (inclusive) to {@code to} (exclusive), within one day. */
    public record Hours(LocalTime from, LocalTime to) {
        public Hours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("sending hours must start before they end, got " + from + "-" + to);
            }
        }

        /** "08:00-20:00", or "none" for null. */
        public static Hours parse(String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("none")) return null;
            String[] parts = t.split("-");
            if (parts.length != 2) throw new IllegalArgumentException("expected HH:MM-HH:MM or none, got '" + t + "'");
            return new Hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }
    }

    public WeeklyHours {
        if (weekdays == null && saturday == null && sunday == null) {
            throw new IllegalArgumentException("sending hours allow no day at all");
        }
    }

    /** The same hours every day. */
    public static WeeklyHours daily(LocalTime from, LocalTime to) {
        Hours hours = new Hours(from, to);
        return new WeeklyHours(hours, hours, hours);
    }

    public Hours on(DayOfWeek day) {
        return switch (day) {
            case SATURDAY -> saturday;
            case SUNDAY -> sunday;
            default -> weekdays;
        };
    }

    @Override
    public boolean isQuiet(Instant when, ZoneId zone) {
        ZonedDateTime local = when.atZone(zone);
        Hours hours = on(local.getDayOfWeek());
        LocalTime time = local.toLocalTime();
        return hours == null || time.isBefore(hours.from()) || !time.isBefore(hours.to());
    }

    @Override
    public Instant endOfQuiet(Instant quietInstant, ZoneId zone) {
        ZonedDateTime local = quietInstant.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int ahead = 0; ahead <= 7; ahead++) {
            LocalDate candidate = day.plusDays(ahead);
            Hours hours = on(candidate.getDayOfWeek());
            if (hours == null || (ahead == 0 && !local.toLocalTime().isBefore(hours.from()))) continue;
            return ZonedDateTime.of(candidate, hours.from(), zone).toInstant(); // a DST gap resolves forward
        }
        throw new IllegalStateException("no sending hours in a week"); // the constructor refuses such hours
    }
}
