package com.jorge.platform.bi.daily;

import com.jorge.platform.config.PlatformConfig;

/**
 * Where the daily report goes: {@code BI_REPORT_BUCKET} (required) and the key prefix {@code BI_REPORT_PREFIX}
 * (default {@code bi-reports/}).
 */
public record DailyReportSettings(String bucket, String prefix) {

    public static final String DEFAULT_PREFIX = "bi-reports/";

    public DailyReportSettings {
        if (bucket == null || bucket.isBlank()) throw new IllegalStateException("configuration BI_REPORT_BUCKET is required");
        if (prefix == null) prefix = DEFAULT_PREFIX;
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
        if (prefix.startsWith("/")) throw new IllegalStateException("configuration BI_REPORT_PREFIX must not start with /");
    }

    public static DailyReportSettings fromConfig(PlatformConfig config) {
        return new DailyReportSettings(config.require("BI_REPORT_BUCKET"), config.get("BI_REPORT_PREFIX", DEFAULT_PREFIX));
    }
}
