package com.jorge.platform.understanding;

import com.jorge.platform.config.PlatformConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The market a deployment serves, as its team names it: a gazetteer resource (one place a line) plus
 * the service area, neighbourhoods and school districts from configuration. Names from here are
 * read wherever they occur; places elsewhere in the US come from the national gazetteer and need a
 * cue ("in", "near", "cerca de") or a list they share with a known place.
 *
 * @param gazetteer       classpath resource of the market's places ({@code JORGE_MARKET_GAZETTEER})
 * @param serviceArea     cities and counties served ({@code JORGE_MARKET_SERVICE_AREA}, comma or semicolon separated)
 * @param neighbourhoods  the neighbourhoods the team uses ({@code JORGE_MARKET_NEIGHBOURHOODS})
 * @param schoolDistricts school districts, without "ISD" ({@code JORGE_MARKET_SCHOOL_DISTRICTS})
 */
public record MarketSettings(String gazetteer, List<String> serviceArea, List<String> neighbourhoods, List<String> schoolDistricts) {

    /** The Austin, Texas market this deployment was first written for. */
    public static final String AUSTIN_GAZETTEER = "/understanding/areas-austin.txt";
    public static final MarketSettings AUSTIN = new MarketSettings(AUSTIN_GAZETTEER, List.of(), List.of(), List.of());

    public MarketSettings {
        Objects.requireNonNull(gazetteer, "gazetteer");
        serviceArea = List.copyOf(serviceArea);
        neighbourhoods = List.copyOf(neighbourhoods);
        schoolDistricts = List.copyOf(schoolDistricts);
    }

    /** A market read from its gazetteer resource alone. */
    public static MarketSettings of(String gazetteer) {
        return new MarketSettings(gazetteer, List.of(), List.of(), List.of());
    }

    /** Reads the {@code JORGE_MARKET_*} settings; none set is the Austin market. */
    public static MarketSettings fromConfig(PlatformConfig config) {
        return new MarketSettings(config.get("JORGE_MARKET_GAZETTEER", AUSTIN_GAZETTEER).strip(),
                names(config, "JORGE_MARKET_SERVICE_AREA"), names(config, "JORGE_MARKET_NEIGHBOURHOODS"),
                names(config, "JORGE_MARKET_SCHOOL_DISTRICTS"));
    }

    /** Every configured name: the gazetteer's and the settings'. */
    List<String> names() {
        List<String> all = new ArrayList<>(PlaceNames.lines(gazetteer));
        all.addAll(serviceArea);
        all.addAll(neighbourhoods);
        all.addAll(schoolDistricts);
        return all;
    }

    private static List<String> names(PlatformConfig config, String key) {
        return config.get(key).map(v -> Arrays.stream(v.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
