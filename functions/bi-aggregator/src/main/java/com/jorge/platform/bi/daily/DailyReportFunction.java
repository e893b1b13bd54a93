package com.jorge.platform.bi.daily;

import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.storage.Database;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/** Builds the daily report from configuration: the database (DATABASE_*), the BI settings, the bucket ({@link DailyReportSettings}). */
public final class DailyReportFunction {

    private DailyReportFunction() {}

    public static DailyReports fromConfig(PlatformConfig config) {
        BiSettings bi = BiSettings.fromConfig(config);
        DailyReportSettings settings = DailyReportSettings.fromConfig(config);
        var dataSource = Database.open(Database.Settings.fromConfig(config)).dataSource();
        S3Client s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        return new DailyReports(dataSource, new BiReportReader(dataSource, bi), new S3ReportStore(s3, settings.bucket()),
                settings, bi.defaultZone(), Clock.systemUTC());
    }
}
