package com.jorge.platform.bots.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Slot times as a lead reads them, in their own zone and language: "Sat Dec 12, 10:00 AM" / "sab 12 dic, 10:00".
 * Spanish abbreviations go without accents, as texted: an "á" would make the whole SMS UCS-2, and an
 * offer of three slots three segments instead of two.
 */
public final class SlotFormat {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final String[] ES_DAYS = {"lun", "mar", "mie", "jue", "vie", "sab", "dom"};
    private static final String[] ES_MONTHS = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"};
    private static final DateTimeFormatter ES_TIME = DateTimeFormatter.ofPattern("H:mm", SPANISH);

    private SlotFormat() {}

    public static String one(Instant slot, ZoneId zone, String language) {
        ZonedDateTime t = slot.atZone(zone);
        if ("es".equals(language)) {
            return ES_DAYS[t.getDayOfWeek().getValue() - 1] + " " + t.getDayOfMonth() + " "
                    + ES_MONTHS[t.getMonthValue() - 1] + ", " + ES_TIME.format(t);
        }
        return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US) + " "
                + t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " " + t.getDayOfMonth() + ", " + EN_TIME.format(t);
    }

    /** "1) Sat Dec 12, 10:00 AM 2) ..." : numbered, so "the 2nd one" and "2" both point somewhere. */
    public static String numbered(List<Instant> slots, ZoneId zone, String language) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            out.add((i + 1) + ") " + one(slots.get(i), zone, language));
        }
        return String.join(" ", out);
    }
}
