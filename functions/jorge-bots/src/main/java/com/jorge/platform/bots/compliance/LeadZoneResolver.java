package com.jorge.platform.bots.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a lead probably is: the time zone of the phone's North American area code, next to the
 * location's configured zone. Mobile numbers move with their owners, so neither is certain; quiet
 * hours are checked against both.
 */
public final class LeadZoneResolver {

    private static final String RESOURCE = "/jorge-bots/area-code-zones.txt";

    private final Map<String, ZoneId> byAreaCode;

    private LeadZoneResolver(Map<String, ZoneId> byAreaCode) {
        this.byAreaCode = Map.copyOf(byAreaCode);
    }

    public static LeadZoneResolver load() {
        try (InputStream in = LeadZoneResolver.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, ZoneId> table = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                ZoneId zone = ZoneId.of(line.substring(0, colon).strip());
                for (String code : line.substring(colon + 1).strip().split("\\s+")) {
                    ZoneId previous = table.put(code, zone);
                    if (previous != null) {
                        throw new IllegalStateException("area code " + code + " listed twice in " + RESOURCE);
                    }
                }
            }
            return new LeadZoneResolver(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return byAreaCode.size();
    }

    /** The zone of a NANP number's area code ("+1 512 555 0100", "(512) 555-0100", "15125550100"). */
    public Optional<ZoneId> zoneOfPhone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("\\D", "");
        if (phone.strip().startsWith("+") && !digits.startsWith("1")) {
            return Optional.empty(); // another country's number
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            digits = digits.substring(1);
        }
        if (digits.length() != 10) {
            return Optional.empty();
        }
        return Optional.ofNullable(byAreaCode.get(digits.substring(0, 3)));
    }

    /** The zone the worker puts in the conversation context: the phone's when known, else the location's. */
    public ZoneId leadZone(ZoneId locationZone, String phone) {
        return zoneOfPhone(phone).orElse(locationZone);
    }

    /**
     * The lead's zone: the one GHL recorded on the contact when it gave one ({@code recorded}, null when
     * not), else the phone's area code's, else the location's. The worker's {@code LeadZones} should call
     * this rather than {@link #leadZone(ZoneId, String)}, which lets the area code outrank GHL's zone.
     */
    public ZoneId leadZone(ZoneId recorded, ZoneId locationZone, String phone) {
        return recorded != null ? recorded : leadZone(locationZone, phone);
    }

    /** Every zone quiet hours must respect for this lead, the likeliest first. */
    public List<ZoneId> candidateZones(ZoneId locationZone, String phone) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zoneOfPhone(phone).ifPresent(zones::add);
        zones.add(locationZone);
        return List.copyOf(zones);
    }
}
