package com.jorge.platform.biapi;

import com.jorge.platform.bi.daily.DailyReportSettings;
import com.jorge.platform.config.PlatformConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the daily report pages are ({@code BI_REPORT_BUCKET}, {@code BI_REPORT_PREFIX}, as the daily report writes
 * them) and how long a link to one lives ({@code BI_REPORT_LINK_MINUTES}, default 15, at most a week: SigV4's limit).
 */
public record ReportLinkSettings(String bucket, String prefix, Duration lifetime) {

    public static final int DEFAULT_MINUTES = 15;
    public static final int MAX_MINUTES = 7 * 24 * 60;

    public ReportLinkSettings {
        DailyReportSettings where = new DailyReportSettings(bucket, prefix); // the same checks and default as the writer's
        prefix = where.prefix();
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new IllegalStateException("configuration BI_REPORT_LINK_MINUTES must be 1 to " + MAX_MINUTES);
        }
    }

    /** Empty without BI_REPORT_BUCKET: the bi-api then has no links to give. */
    public static Optional<ReportLinkSettings> fromConfig(PlatformConfig config) {
        Optional<String> bucket = config.get("BI_REPORT_BUCKET");
        if (bucket.isEmpty() || bucket.get().isBlank()) return Optional.empty();
        int minutes = config.getInt("BI_REPORT_LINK_MINUTES", DEFAULT_MINUTES);
        return Optional.of(new ReportLinkSettings(bucket.get().strip(), config.get("BI_REPORT_PREFIX", DailyReportSettings.DEFAULT_PREFIX),
                Duration.ofMinutes(minutes)));
    }
}
