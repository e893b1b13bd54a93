package com.jorge.platform.bots.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the states' texting laws differ from the default: stricter quiet hours (Florida's and
 * Oklahoma's telephone solicitation acts: 08:00 to 20:00 in the recipient's time) and a limit on the
 * texts the bots start on one subject in 24 hours (Florida: three, Fla. Stat. 501.059(8)(a)). The
 * recipient's state is read from the phone's area code ({@code area-code-states.txt}).
 *
 * @param quietHours  quiet hours by two-letter state code (JORGE_BOTS_STATE_QUIET_HOURS, "FL=20:00-08:00,...")
 * @param dailyLimits texts the bots may start in 24 hours, by state (JORGE_BOTS_STATE_TEXT_LIMIT, "FL=3")
 */
public record StateTextingRules(Map<String, QuietHours> quietHours, Map<String, Integer> dailyLimits,
                                Map<String, String> stateByAreaCode) {

    public static final String DEFAULT_QUIET_HOURS = "FL=20:00-08:00,OK=20:00-08:00";
    public static final String DEFAULT_LIMITS = "FL=3";
    static final Duration WINDOW = Duration.ofHours(24);
    private static final String RESOURCE = "/jorge-bots/area-code-states.txt";

    /** Why a text waits, and until when. */
    public record Hold(Instant until, String reason) {}

    public StateTextingRules {
        quietHours = Map.copyOf(quietHours);
        dailyLimits = Map.copyOf(dailyLimits);
        stateByAreaCode = Map.copyOf(stateByAreaCode);
    }

    /** Reads the two settings (each "ST=value,..."); a bad entry is refused naming the setting. */
    public static StateTextingRules parse(String quietSetting, String limitSetting,
                                          java.util.function.Function<String, QuietHours> readHours) {
        Map<String, QuietHours> hours = new HashMap<>();
        entries(quietSetting, "JORGE_BOTS_STATE_QUIET_HOURS").forEach((state, v) -> hours.put(state, readHours.apply(v)));
        Map<String, Integer> limits = new HashMap<>();
        entries(limitSetting, "JORGE_BOTS_STATE_TEXT_LIMIT").forEach((state, v) -> {
            try {
                int n = Integer.parseInt(v);
                if (n < 1) throw new NumberFormatException();
                limits.put(state, n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("JORGE_BOTS_STATE_TEXT_LIMIT: " + state + " needs a positive whole number, got '" + v + "'");
            }
        });
        return new StateTextingRules(hours, limits, areaCodes());
    }

    /** The state a US number was issued in, for the states listed; empty for the others. */
    public Optional<String> stateOfPhone(String phone) {
        if (phone == null) return Optional.empty();
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') digits = digits.substring(1);
        if (digits.length() != 10 || (phone.strip().startsWith("+") && !phone.strip().startsWith("+1"))) return Optional.empty();
        return Optional.ofNullable(stateByAreaCode.get(digits.substring(0, 3)));
    }

    /** The quiet hours for a recipient in {@code state} (null: unknown), else {@code fallback}. */
    public QuietHours quietHoursIn(String state, QuietHours fallback) {
        return state == null ? fallback : quietHours.getOrDefault(state, fallback);
    }

    /**
     * When a text the bots start (a follow-up) may go out in {@code state}: empty while fewer than the
     * state's limit went out in the last 24 hours, else the moment the oldest of them leaves the window.
     */
    public Optional<Hold> limitHold(String state, Collection<Instant> initiatedTexts, Instant now) {
        Integer limit = state == null ? null : dailyLimits.get(state);
        if (limit == null) return Optional.empty();
        List<Instant> recent = initiatedTexts.stream().filter(t -> t.isAfter(now.minus(WINDOW))).sorted().toList();
        if (recent.size() < limit) return Optional.empty();
        return Optional.of(new Hold(recent.get(recent.size() - limit).plus(WINDOW), state + "_daily_text_limit"));
    }

    private static Map<String, String> entries(String setting, String name) {
        Map<String, String> out = new HashMap<>();
        if (setting == null || setting.isBlank()) return out;
        for (String entry : setting.split(",")) {
            int eq = entry.indexOf('=');
            String state = eq < 0 ? "" : entry.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            if (!state.matches("[A-Z]{2}") || eq == entry.length() - 1) {
                throw new IllegalArgumentException(name + ": expected ST=value entries (a two-letter state), got '" + entry.strip() + "'");
            }
            out.put(state, entry.substring(eq + 1).strip());
        }
        return out;
    }

    private static Map<String, String> areaCodes() {
        try (InputStream in = StateTextingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            Map<String, String> table = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int colon = line.indexOf(':');
                String state = line.substring(0, colon).strip();
                for (String code : line.substring(colon + 1).strip().split("\\s+")) table.put(code, state);
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
