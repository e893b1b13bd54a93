package com.jorge.platform.bots;

import com.jorge.platform.bots.compliance.QuietHours;
import com.jorge.platform.bots.compliance.StateTextingRules;
import com.jorge.platform.bots.reply.BedrockReplyWriter;
import com.jorge.platform.bots.reply.Tone;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.experiments.Experiments;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the bots are configured with, read through {@link PlatformConfig} (environment variables,
 * SSM parameters or secrets): names the replies use, tone, quiet hours, time zones, follow-up cadence, pipeline
 * stage names, and the optional Bedrock writer.
 *
 * @param locationZones the time zone of each GHL location (sub-account) by location id
 * @param bedrock       null when no LLM writer is configured (templates only)
 * @param stateRules    where states' texting laws differ (JORGE_BOTS_STATE_QUIET_HOURS, JORGE_BOTS_STATE_TEXT_LIMIT)
 * @param followUpCadences the follow-up waits of each {@code follow_up_cadence} experiment variant, by variant name
 *                      (JORGE_BOTS_FOLLOW_UP_CADENCES, {@code fast=PT2H,P1D,P3D;slow=P1D,P4D,P10D}); a variant not
 *                      named here must be its experiment's control, which waits {@code followUpDelays}
 */
public record BotSettings(String teamName, String agentName, Tone tone, QuietHours quietHours, ZoneId defaultZone,
                        Map<String, ZoneId> locationZones, int maxUnansweredFollowUps,
                        List<Duration> followUpDelays, Duration nurtureDelay, PipelineStages stages,
                        BedrockSettings bedrock, StateTextingRules stateRules, Experiments experiments,
                        Map<String, List<Duration>> followUpCadences) {

    public static final String FOLLOW_UP_CADENCES = "JORGE_BOTS_FOLLOW_UP_CADENCES";

    public static final int MAX_TEAM_NAME = 30;
    public static final int MAX_AGENT_NAME = 24;

    public BotSettings {
        teamName = checkName(teamName, "JORGE_BOTS_TEAM_NAME", MAX_TEAM_NAME);
        agentName = checkName(agentName, "JORGE_BOTS_AGENT_NAME", MAX_AGENT_NAME);
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(defaultZone, "defaultZone");
        locationZones = Map.copyOf(locationZones);
        if (maxUnansweredFollowUps < 0 || maxUnansweredFollowUps > 10) {
            throw new IllegalArgumentException("JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS must be 0 to 10, got "
                    + maxUnansweredFollowUps);
        }
        followUpDelays = List.copyOf(followUpDelays);
        if (followUpDelays.isEmpty() || followUpDelays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("JORGE_BOTS_FOLLOW_UP_DELAYS must list positive durations");
        }
        if (nurtureDelay == null || nurtureDelay.isNegative() || nurtureDelay.isZero()) {
            throw new IllegalArgumentException("JORGE_BOTS_NURTURE_DELAY must be a positive duration");
        }
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(stateRules, "stateRules");
        experiments = experiments == null ? Experiments.none() : experiments;
        followUpCadences = followUpCadences == null ? Map.of() : Map.copyOf(followUpCadences);
        for (var e : experiments.all()) {
            if (!e.kind().equals("follow_up_cadence")) continue;
            // control may wait the usual delays; every other variant must say how it waits, or the test compares nothing
            for (var v : e.variants().subList(1, e.variants().size())) {
                if (!followUpCadences.containsKey(v.name())) {
                    throw new IllegalArgumentException("configuration " + Experiments.KEY + ": experiment '" + e.name()
                            + "' variant '" + v.name() + "' has no cadence (" + FOLLOW_UP_CADENCES + ", e.g. "
                            + v.name() + "=PT2H,P1D,P3D)");
                }
            }
        }
    }

    /** The follow-up waits of a lead in these experiment variants: the first cadence variant's, else followUpDelays. */
    public List<Duration> followUpDelays(Map<String, String> variants) {
        for (var e : experiments.all()) {
            String variant = e.kind().equals("follow_up_cadence") ? variants.get(e.name()) : null;
            if (variant != null && followUpCadences.containsKey(variant)) return followUpCadences.get(variant);
        }
        return followUpDelays;
    }

    public static BotSettings defaults() {
        return fromSettings(Map.of());
    }

    public ZoneId locationZone(String locationId) {
        return locationZones.getOrDefault(locationId, defaultZone);
    }

    public BotSettings withBedrock(BedrockSettings settings) {
        return new BotSettings(teamName, agentName, tone, quietHours, defaultZone, locationZones,
                maxUnansweredFollowUps, followUpDelays, nurtureDelay, stages, settings, stateRules, experiments,
                followUpCadences);
    }

    /**
     * Reads settings named like environment variables ({@code JORGE_BOTS_TEAM_NAME}); property-style
     * names ({@code jorge.bots.team-name}) mean the same. A bad value fails with the setting's name.
     */
    public static BotSettings fromSettings(Map<String, String> raw) {
        Map<String, String> s = new HashMap<>();
        raw.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                s.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value.strip());
            }
        });
        return fromConfig(PlatformConfig.of(s));
    }

    /** Reads the {@code JORGE_BOTS_*} settings through the platform's configuration (environment, SSM, secrets). */
    public static BotSettings fromConfig(PlatformConfig s) {
        Tone tone = parse(s, "JORGE_BOTS_TONE", "friendly", Tone::of);
        QuietHours quiet = parse(s, "JORGE_BOTS_QUIET_HOURS", "21:00-08:00", BotSettings::quietHours);
        ZoneId defaultZone = parse(s, "JORGE_BOTS_DEFAULT_ZONE", "America/Chicago", ZoneId::of);
        Map<String, ZoneId> zones = parse(s, "JORGE_BOTS_LOCATION_ZONES", "", BotSettings::locationZones);
        int cap = parse(s, "JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS", "3", Integer::parseInt);
        List<Duration> delays = parse(s, "JORGE_BOTS_FOLLOW_UP_DELAYS", "P1D,P3D,P7D", BotSettings::durations);
        Duration nurture = parse(s, "JORGE_BOTS_NURTURE_DELAY", "P30D", v -> positive(Duration.parse(v)));
        PipelineStages d = PipelineStages.DEFAULT;
        PipelineStages stages = new PipelineStages(
                s.get("JORGE_BOTS_STAGE_QUALIFYING", d.qualifying()).strip(),
                s.get("JORGE_BOTS_STAGE_WARM", d.warm()).strip(),
                s.get("JORGE_BOTS_STAGE_HOT", d.hot()).strip(),
                s.get("JORGE_BOTS_STAGE_APPOINTMENT", d.appointment()).strip(),
                s.get("JORGE_BOTS_STAGE_NURTURE", d.nurture()).strip(),
                s.get("JORGE_BOTS_STAGE_CLOSED", d.closed()).strip());
        BedrockSettings bedrock = null;
        if (s.get("JORGE_BOTS_BEDROCK_MODEL_ID").isPresent()) {
            bedrock = new BedrockSettings(
                    s.get("JORGE_BOTS_BEDROCK_REGION", "us-east-1"),
                    s.require("JORGE_BOTS_BEDROCK_MODEL_ID"),
                    parse(s, "JORGE_BOTS_BEDROCK_ENDPOINT", "", v -> v.isEmpty() ? null : URI.create(v)),
                    parse(s, "JORGE_BOTS_BEDROCK_DEADLINE_MS", Long.toString(BedrockReplyWriter.DEFAULT_DEADLINE.toMillis()),
                            v -> positive(Duration.ofMillis(Long.parseLong(v)))));
        }
        return new BotSettings(s.get("JORGE_BOTS_TEAM_NAME", "Jorge's team").strip(),
                s.get("JORGE_BOTS_AGENT_NAME", "Jorge").strip(), tone, quiet, defaultZone, zones, cap, delays,
                nurture, stages, bedrock, StateTextingRules.parse(
                        s.get("JORGE_BOTS_STATE_QUIET_HOURS", StateTextingRules.DEFAULT_QUIET_HOURS),
                        s.get("JORGE_BOTS_STATE_TEXT_LIMIT", StateTextingRules.DEFAULT_LIMITS), BotSettings::quietHours),
                Experiments.fromConfig(s), parse(s, FOLLOW_UP_CADENCES, "", BotSettings::cadences));
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T parse(PlatformConfig settings, String key, String fallback, Parser<T> parser) {
        String value = settings.get(key, fallback).strip();
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) { // NumberFormatException too
            throw new IllegalArgumentException(key + ": cannot use '" + value + "': " + e.getMessage(), e);
        }
    }

    private static QuietHours quietHours(String value) {
        String[] ends = value.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM");
        }
        try {
            return new QuietHours(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM", e);
        }
    }

    private static Map<String, ZoneId> locationZones(String value) {
        Map<String, ZoneId> zones = new HashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=");
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("expected locationId=Zone/Id pairs separated by commas");
            }
            zones.put(kv[0].strip(), ZoneId.of(kv[1].strip()));
        }
        return zones;
    }

    /** {@code variant=ISO,ISO;variant=ISO,...}: each variant's waits, positive. */
    private static Map<String, List<Duration>> cadences(String value) {
        Map<String, List<Duration>> out = new HashMap<>();
        for (String entry : value.split(";")) {
            if (entry.isBlank()) continue;
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("expected variant=P1D,P3D entries separated by semicolons");
            }
            List<Duration> waits = durations(kv[1]);
            if (waits.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("variant '" + kv[0].strip() + "' needs positive durations");
            }
            if (out.put(kv[0].strip(), List.copyOf(waits)) != null) {
                throw new IllegalArgumentException("variant '" + kv[0].strip() + "' is named twice");
            }
        }
        return out;
    }

    private static List<Duration> durations(String value) {
        List<Duration> delays = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                delays.add(Duration.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected ISO-8601 durations such as P1D,PT12H", e);
            }
        }
        return delays;
    }

    private static Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return duration;
    }

    private static String checkName(String name, String key, int max) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
        if (name.length() > max) {
            throw new IllegalArgumentException(key + " must be at most " + max + " characters (SMS length), got "
                    + name.length());
        }
        if (name.contains("{") || name.contains("}") || name.contains("://")) {
            throw new IllegalArgumentException(key + " must be a plain name, got '" + name + "'");
        }
        return name.strip();
    }
}
