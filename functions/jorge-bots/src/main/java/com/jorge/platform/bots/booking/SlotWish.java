package com.jorge.platform.bots.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Which time a lead asked for, as {@link SlotChoiceReader} read it: the n-th slot offered ("the 2nd
 * one"), or a day and a time or window ("sat 10am", "any time after 5 tomorrow"). Each part may be
 * absent; a wish with none is never made.
 *
 * @param ordinal     0-based position in the offer, -1 for "the last one", null when not by position
 * @param day         a weekday, null when not named
 * @param daysAhead   0 today, 1 tomorrow, null when not said
 * @param weekend     "this weekend": Saturday or Sunday
 * @param at          an exact time of day
 * @param after       at or after this time ("after 5", "in the afternoon")
 * @param before      before this time ("before noon", "in the morning")
 */
public record SlotWish(Integer ordinal, DayOfWeek day, Integer daysAhead, boolean weekend, LocalTime at,
                       LocalTime after, LocalTime before) {

    /** The first of {@code slots} (in order) the wish allows, read in the lead's zone. */
    public Optional<Instant> pick(List<Instant> slots, ZoneId zone, Instant now) {
        if (ordinal != null) {
            if (slots.isEmpty()) return Optional.empty();
            int index = ordinal < 0 ? slots.size() - 1 : ordinal;
            return index < slots.size() ? Optional.of(slots.get(index)) : Optional.empty();
        }
        return slots.stream().filter(s -> allows(s, zone, now)).findFirst();
    }

    /** Whether the slot starting at {@code slot} is one the lead asked for. */
    public boolean allows(Instant slot, ZoneId zone, Instant now) {
        ZonedDateTime local = slot.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (daysAhead != null && !local.toLocalDate().equals(today.plusDays(daysAhead))) return false;
        if (day != null && local.getDayOfWeek() != day) return false;
        if (weekend && local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY) return false;
        LocalTime time = local.toLocalTime();
        if (at != null && !time.equals(at)) return false;
        if (after != null && time.isBefore(after)) return false;
        return before == null || time.isBefore(before);
    }

    /** A position in the offer, not a time. */
    public boolean byPosition() {
        return ordinal != null;
    }
}
