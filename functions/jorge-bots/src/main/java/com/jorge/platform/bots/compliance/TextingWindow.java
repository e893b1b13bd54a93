package com.jorge.platform.bots.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * When texts may reach a lead, in the lead's local time: the team's quiet hours ({@link QuietHours}, the
 * same every day) or a state's sending hours ({@link WeeklyHours}, which may differ on weekends and
 * exclude a day). Several apply at once: a text goes out only when all allow it in every candidate zone.
 */
public sealed interface TextingWindow permits QuietHours, WeeklyHours {

    /** Whether no text may reach a lead in {@code zone} at {@code when}. */
    boolean isQuiet(Instant when, ZoneId zone);

    /** The first instant after {@code quietInstant} (which {@link #isQuiet}) at which texts are allowed in {@code zone}. */
    Instant endOfQuiet(Instant quietInstant, ZoneId zone);

    /** The first instant at or after {@code now} that every window allows in every zone. */
    static Instant nextAllowed(Instant now, List<? extends TextingWindow> windows, Collection<ZoneId> zones) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("at least one zone is needed");
        }
        Instant candidate = now;
        // each pass moves past one window in one zone; a week of passes covers a day with no texts in every zone
        for (int pass = 0; pass < 8 * (windows.size() * zones.size() + 2); pass++) {
            Instant moved = candidate;
            for (TextingWindow window : windows) {
                for (ZoneId zone : zones) {
                    if (window.isQuiet(moved, zone)) {
                        moved = window.endOfQuiet(moved, zone);
                    }
                }
            }
            if (moved.equals(candidate)) {
                return candidate;
            }
            candidate = moved;
        }
        return candidate;
    }
}
