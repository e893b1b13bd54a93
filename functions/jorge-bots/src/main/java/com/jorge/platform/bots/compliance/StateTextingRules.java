package com.jorge.platform.bots.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the states' telemarketing laws are stricter than the federal 08:00-21:00: their sending hours
 * (Florida, Oklahoma, Maryland and Washington end at 20:00, Connecticut runs 09:00-20:00, Texas starts at
 * noon on Sunday, Rhode Island sends nothing on Sunday, ...) and a limit on the texts the bots start on one
 * subject in 24 hours (three in Florida, Oklahoma and Maryland). The rules are data,
 * {@code state-texting-rules.txt}, each line with its source; the recipient's state is read from the
 * phone's area code ({@code area-code-states.txt}, every US area code).
 *
 * @param hours           sending hours by two-letter state code
 * @param dailyLimits     texts the bots may start in 24 hours, by state
 * @param stateByAreaCode the state of each US area code
 */
public record StateTextingRules(Map<String, TextingWindow> hours, Map<String, Integer> dailyLimits,
                                Map<String, String> stateByAreaCode) {

    /** No overrides: the states' rules as {@code state-texting-rules.txt} gives them. */
    public static final String DEFAULT_QUIET_HOURS = "";
    public static final String DEFAULT_LIMITS = "";
    static final Duration WINDOW = Duration.ofHours(24);
    private static final String AREA_CODES = "/jorge-bots/area-code-states.txt";
    private static final String RULES = "/jorge-bots/state-texting-rules.txt";

    /** Why a text waits, and until when. */
    public record Hold(Instant until, String reason) {}

    public StateTextingRules {
        hours = Map.copyOf(hours);
        dailyLimits = Map.copyOf(dailyLimits);
        stateByAreaCode = Map.copyOf(stateByAreaCode);
    }

    /**
     * The rules of {@code state-texting-rules.txt} with the settings' overrides (each "ST=value,...";
     * "ST=none" drops the state's rule); a bad entry is refused naming the setting.
     *
     * @param quietSetting JORGE_BOTS_STATE_QUIET_HOURS: a state's quiet hours, every day ("FL=20:00-08:00")
     * @param limitSetting JORGE_BOTS_STATE_TEXT_LIMIT: texts the bots may start per 24 hours ("FL=3")
     */
    public static StateTextingRules parse(String quietSetting, String limitSetting, Function<String, QuietHours> readHours) {
        Map<String, TextingWindow> hours = new HashMap<>();
        Map<String, Integer> limits = new HashMap<>();
        readRules(hours, limits);
        entries(quietSetting, "JORGE_BOTS_STATE_QUIET_HOURS").forEach((state, v) -> {
            if (v.equalsIgnoreCase("none")) hours.remove(state);
            else {
                try {
                    hours.put(state, readHours.apply(v));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("JORGE_BOTS_STATE_QUIET_HOURS: " + state + ": " + e.getMessage(), e);
                }
            }
        });
        entries(limitSetting, "JORGE_BOTS_STATE_TEXT_LIMIT").forEach((state, v) -> {
            if (v.equalsIgnoreCase("none")) {
                limits.remove(state);
                return;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 1) throw new NumberFormatException();
                limits.put(state, n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("JORGE_BOTS_STATE_TEXT_LIMIT: " + state + " needs a positive whole number or none, got '" + v + "'");
            }
        });
        return new StateTextingRules(hours, limits, areaCodes());
    }

    /** The state (or DC, or territory) a US number was issued in; empty for another country's or an unknown code. */
    public Optional<String> stateOfPhone(String phone) {
        if (phone == null) return Optional.empty();
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') digits = digits.substring(1);
        if (digits.length() != 10 || (phone.strip().startsWith("+") && !phone.strip().startsWith("+1"))) return Optional.empty();
        return Optional.ofNullable(stateByAreaCode.get(digits.substring(0, 3)));
    }

    /** Whether the state has sending hours of its own. */
    public boolean hasHours(String state) {
        return state != null && hours.containsKey(state);
    }

    /** The windows a text to a recipient in {@code state} (null: unknown) must respect: {@code team}'s, and the state's. */
    public List<TextingWindow> windowsFor(String state, QuietHours team) {
        List<TextingWindow> windows = new ArrayList<>(2);
        windows.add(team);
        if (hasHours(state)) windows.add(hours.get(state));
        return windows;
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

    /** "ST | Mon-Fri | Saturday | Sunday | limit or - | source" lines. */
    private static void readRules(Map<String, TextingWindow> hours, Map<String, Integer> limits) {
        int number = 0;
        for (String line : lines(RULES)) {
            number++;
            String[] cells = line.split("\\|");
            if (cells.length != 6) throw new IllegalStateException(RULES + ": line " + number + " needs 6 cells");
            String state = cells[0].strip();
            try {
                hours.put(state, new WeeklyHours(WeeklyHours.Hours.parse(cells[1]), WeeklyHours.Hours.parse(cells[2]),
                        WeeklyHours.Hours.parse(cells[3])));
                String limit = cells[4].strip();
                if (!limit.equals("-")) limits.put(state, Integer.parseInt(limit));
            } catch (RuntimeException e) {
                throw new IllegalStateException(RULES + ": bad entry for " + state + ": " + e.getMessage(), e);
            }
        }
    }

    private static Map<String, String> areaCodes() {
        Map<String, String> table = new HashMap<>();
        for (String line : lines(AREA_CODES)) {
            int colon = line.indexOf(':');
            String state = line.substring(0, colon).strip();
            for (String code : line.substring(colon + 1).strip().split("\\s+")) {
                if (table.put(code, state) != null) throw new IllegalStateException("area code " + code + " listed twice in " + AREA_CODES);
            }
        }
        return table;
    }

    /** The resource's lines that are neither blank nor comments. */
    private static List<String> lines(String resource) {
        try (InputStream in = StateTextingRules.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
