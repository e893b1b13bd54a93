package com.jorge.platform.audit.archive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The export's keys: {@code <prefix>/<location>/<day>/<first seq>-<last seq>.jsonl}, one object per location
 * and day (more when a day holds more entries than one object takes). Sequence numbers are zero-padded
 * so a location's keys sort in chain order.
 */
public record ArchiveLayout(String prefix) {

    public String location(String locationId) {
        return prefix + "/" + URLEncoder.encode(locationId, StandardCharsets.UTF_8) + "/";
    }

    public String object(String locationId, LocalDate day, long firstSeq, long lastSeq) {
        return location(locationId) + day + "/" + "%020d-%020d.jsonl".formatted(firstSeq, lastSeq);
    }

    /** The last sequence number an object holds, read from its key. */
    public static long lastSeq(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return Long.parseLong(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
    }
}
