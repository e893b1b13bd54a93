package com.jorge.platform.worker.booking;

import com.jorge.platform.conversation.AppointmentPurpose;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which GHL calendar takes which appointment, per location: setting {@code BOOKING_CALENDARS}, comma
 * separated {@code [locationId/]purpose=calendarId} entries, e.g. {@code call=cal1,showing=cal2,listing=cal3,loc9/showing=cal7}.
 * An entry with a location wins over the one without. No entry: the bots ask for a good time instead.
 */
public final class BookingCalendars {

    private final Map<String, String> byKey;

    private BookingCalendars(Map<String, String> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static BookingCalendars none() {
        return new BookingCalendars(Map.of());
    }

    /** Reads the setting; a malformed entry is refused naming it. */
    public static BookingCalendars parse(String setting) {
        Map<String, String> out = new HashMap<>();
        if (setting == null || setting.isBlank()) return none();
        for (String entry : setting.split(",")) {
            String e = entry.strip();
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("BOOKING_CALENDARS: expected [locationId/]purpose=calendarId, got '" + e + "'");
            }
            String left = e.substring(0, eq).strip();
            int slash = left.lastIndexOf('/');
            String location = slash < 0 ? "" : left.substring(0, slash);
            String purpose = left.substring(slash + 1).toUpperCase(Locale.ROOT);
            try {
                AppointmentPurpose.valueOf(purpose);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("BOOKING_CALENDARS: unknown purpose '" + purpose.toLowerCase(Locale.ROOT)
                        + "' (listing, showing or call)");
            }
            out.put(location + "/" + purpose, e.substring(eq + 1).strip());
        }
        return new BookingCalendars(out);
    }

    public Optional<String> calendarFor(String locationId, AppointmentPurpose purpose) {
        String own = byKey.get(locationId + "/" + purpose.name());
        return Optional.ofNullable(own != null ? own : byKey.get("/" + purpose.name()));
    }

    public boolean any() {
        return !byKey.isEmpty();
    }
}
