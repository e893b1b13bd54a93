package com.jorge.platform.bi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one aggregator run did. {@code daysPending} are location-days still queued when the time budget ran
 * out (the next run takes them); {@code failures} name the location-days (or location captures) whose
 * transaction rolled back; {@code daysFailed} counts them all.
 */
public record RunSummary(Instant startedAt, int locations, int locationsBusy, int leadsRefreshed, int daysMarked,
                         int daysRecomputed, int daysFailed, int daysPending, long durationMs, List<String> failures) {

    public RunSummary {
        failures = List.copyOf(failures);
    }

    public boolean complete() {
        return daysFailed == 0 && daysPending == 0 && locationsBusy == 0;
    }

    /** The Lambda's answer: plain JSON types only. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startedAt", startedAt.toString());
        out.put("locations", locations);
        out.put("locationsBusy", locationsBusy);
        out.put("leadsRefreshed", leadsRefreshed);
        out.put("daysMarked", daysMarked);
        out.put("daysRecomputed", daysRecomputed);
        out.put("daysFailed", daysFailed);
        out.put("daysPending", daysPending);
        out.put("durationMs", durationMs);
        out.put("failures", failures);
        return out;
    }
}
