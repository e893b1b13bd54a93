package com.jorge.platform.biapi;

import com.jorge.platform.bi.BiReport;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.page.ReportPage;
import com.jorge.platform.cache.BiCache;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.limits.RequestLimits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bi-api: {@code GET /bi/report.json} (every number of the BI report) and {@code GET /bi/report} (the
 * same as the phone page), for {@code locationId} over {@code from..to} (inclusive, yyyy-mm-dd; default the
 * month to date in the location's zone; at most 400 days). A bearer access token is required (401 without a
 * valid one); the caller must be a team lead or admin (403) of that location (403, the same answer whether or
 * not the location exists). {@code GET /bi/report/link} answers, under the same rules, a short-lived link to the
 * location's latest daily page ({@link ReportLinks}) that a phone opens without a token (404 before one is published).
 */
public final class BiApi {

    static final int MAX_DAYS = 400;


    private final BiTokens tokens;
    private final BiReaders readers;
    private final BiReportReader reports;
    private final ReportLinks links;
    private final RequestLimits limits;
    private final BiCache cache;
    private final Clock clock;

    /** {@code limits}, {@code cache}: null without Redis, and then nothing is limited, or cached. */
    BiApi(BiTokens tokens, BiReaders readers, BiReportReader reports, ReportLinks links, RequestLimits limits, BiCache cache,
          Clock clock) {
        this.tokens = tokens;
        this.readers = readers;
        this.reports = reports;
        this.links = links;
        this.limits = limits;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * {@code client}: the address API Gateway saw the request come from. Its bucket is taken before any work;
     * the location's once the caller is known to be one of its readers, so nobody else can drain it.
     */
    public BiAnswer answer(String method, String path, Map<String, String> query, String authorization, String client) {
        boolean json = "/bi/report.json".equals(path);
        boolean link = "/bi/report/link".equals(path);
        if (!json && !link && !"/bi/report".equals(path)) return new BiAnswer.Refused(404, "no such route", null);
        if (!"GET".equals(method)) return new BiAnswer.Refused(405, "only GET", null);
        if (limits != null && limits.client(client) instanceof RequestLimits.Verdict.Limited l) return new BiAnswer.Limited(l.retryAfterSeconds());
        Optional<BiTokens.Verified> caller = tokens.verify(authorization);
        if (caller.isEmpty()) return new BiAnswer.Refused(401, "a valid bearer access token is required", null);
        String locationId = query.get("locationId");
        if (locationId == null || locationId.isBlank()) return new BiAnswer.Refused(400, "locationId is required", "locationId");
        Set<String> locations = BiReaders.mayReadBi(caller.get().groups()) ? readers.locationsOf(caller.get().subject()) : Set.of();
        if (!locations.contains(locationId)) return new BiAnswer.Refused(403, "not a team lead of this location", null);
        if (limits != null && limits.location(locationId) instanceof RequestLimits.Verdict.Limited l) return new BiAnswer.Limited(l.retryAfterSeconds());
        if (link) {
            return links.latest(locationId).<BiAnswer>map(l -> new BiAnswer.Body("application/json", PlatformJson.mapper().createObjectNode()
                            .put("url", l.url()).put("expiresAt", l.expiresAt().toString()).toString()))
                    .orElse(new BiAnswer.Refused(404, "no daily report published for this location yet", null));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), reports.zone(locationId));
        LocalDate from, to;
        try {
            to = date(query.get("to"), today, "to");
            from = date(query.get("from"), to.withDayOfMonth(1), "from");
        } catch (BadField e) {
            return new BiAnswer.Refused(400, e.getMessage(), e.field);
        }
        if (to.isBefore(from)) return new BiAnswer.Refused(400, "from must not be after to", "from");
        if (from.plusDays(MAX_DAYS).isBefore(to)) return new BiAnswer.Refused(400, "at most " + MAX_DAYS + " days", "from");
        String type = json ? "application/json" : "text/html; charset=utf-8";
        String view = json ? BiCache.VIEW_JSON : BiCache.VIEW_PAGE;
        // after every check: a cached answer goes only to a reader of the location, within its limits
        if (cache != null) {
            Optional<String> cached = cache.get(locationId, view, from, to);
            if (cached.isPresent()) return new BiAnswer.Body(type, cached.get());
        }
        String body = render(reports, locationId, from, to, json, clock);
        if (cache != null) cache.put(locationId, view, from, to, body);
        return new BiAnswer.Body(type, body);
    }

    /** The answer's body, computed from the rollups (the JSON view is what the cache-warmer pre-loads: BiReport.toJson). */
    static String render(BiReportReader reports, String locationId, LocalDate from, LocalDate to, boolean json, Clock clock) {
        BiReport report = reports.report(locationId, from, to);
        return json ? report.toJson() : ReportPage.render(report, clock.instant());
    }

    private static LocalDate date(String value, LocalDate fallback, String field) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadField(field, field + " must be a date yyyy-mm-dd");
        }
    }

    private static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
