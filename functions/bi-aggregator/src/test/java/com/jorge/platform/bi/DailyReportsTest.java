package com.jorge.platform.bi;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.jorge.platform.bi.daily.DailyReportHandler;
import com.jorge.platform.bi.daily.DailyReportSettings;
import com.jorge.platform.bi.daily.DailyReports;
import com.jorge.platform.bi.daily.S3ReportStore;
import com.jorge.platform.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily report written through the real SDK S3Client (S3Mock in-process) from the seeded month in PostgreSQL. */
class DailyReportsTest extends BiStoreTest {

    static final String BUCKET = "jorge-bi-reports";

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets(BUCKET).build();

    @Test
    void everyLocationGetsItsMonthToDateUpToYesterdayAsADatedPageAndTheLatest() {
        BiTestRig rig = SampleLocation.rig(store);
        SampleLocation.seed(rig);
        rig.location("loc-east", "America/New_York"); // no activity: an empty report is still a report
        rig.location("../../etc", "UTC");             // cannot be a key: skipped and said so
        S3Client s3 = S3_MOCK.createS3ClientV2();
        // 2026-03-21 03:00 UTC: the 21st in UTC (the sample), still the 20th in New York
        DailyReports daily = new DailyReports(rig.database.dataSource(), rig.reports, new S3ReportStore(s3, BUCKET),
                new DailyReportSettings(BUCKET, "reports"), ZoneId.of("UTC"),
                new MutableClock(Instant.parse("2026-03-21T03:00:00Z")));

        DailyReports.Summary summary = daily.publish();

        assertThat(summary.locations()).isEqualTo(3);
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.failures()).containsExactly("location id not usable in a key (skipped)");
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).extracting(S3Object::key).containsExactlyInAnyOrder(
                "reports/loc-sample/2026-03-20.html", "reports/loc-sample/latest.html",
                "reports/loc-east/2026-03-19.html", "reports/loc-east/latest.html");
        ResponseBytes<GetObjectResponse> page = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/loc-sample/2026-03-20.html"));
        assertThat(page.response().contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8"); // S3Mock drops the space
        String html = page.asString(StandardCharsets.UTF_8);
        BiReport expected = rig.reports.report(SampleLocation.LOC, SampleLocation.FROM, SampleLocation.FROM.plusDays(19));
        assertThat(expected.funnel().newLeads()).isPositive();
        assertThat(html).startsWith("<!doctype html>").contains("2026-03-01").contains("2026-03-20").contains("<svg")
                .doesNotContain("<script", "http://", "https://");
        assertThat(html).isEqualTo(com.jorge.platform.bi.page.ReportPage.render(expected, Instant.parse("2026-03-21T03:00:00Z")));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/loc-sample/latest.html")).asString(StandardCharsets.UTF_8))
                .isEqualTo(html);
    }

    @Test
    void aLocationThatCannotBeWrittenIsReportedAndTheRunGoesOn() {
        BiTestRig rig = SampleLocation.rig(store);
        rig.location("loc-a", "UTC");
        rig.location("loc-b", "UTC");
        S3Client s3 = S3_MOCK.createS3ClientV2();
        DailyReports daily = new DailyReports(rig.database.dataSource(), rig.reports,
                new S3ReportStore(s3, "no-such-bucket"), new DailyReportSettings("no-such-bucket", null), ZoneId.of("UTC"),
                new MutableClock(Instant.parse("2026-03-21T03:00:00Z")));

        DailyReports.Summary summary = daily.publish();

        assertThat(summary.published()).isZero();
        assertThat(summary.failures()).containsExactly("loc-a: NoSuchBucketException", "loc-b: NoSuchBucketException");
        // the Lambda fails the invocation, so the schedule retries and the error alarm sees it
        assertThatThrownBy(() -> new DailyReportHandler(daily, rig.metrics).handleRequest(Map.of(), null))
                .hasMessageContaining("daily report failed for 2 of 2 locations");
    }

    @Test
    void theHandlerAnswersWhatItPublished() {
        BiTestRig rig = SampleLocation.rig(store);
        rig.location("loc-a", "UTC");
        S3Client s3 = S3_MOCK.createS3ClientV2();
        DailyReports daily = new DailyReports(rig.database.dataSource(), rig.reports, new S3ReportStore(s3, BUCKET),
                new DailyReportSettings(BUCKET, "handler"), ZoneId.of("UTC"), new MutableClock(Instant.parse("2026-04-01T12:00:00Z")));

        Map<String, Object> answer = new DailyReportHandler(daily, rig.metrics).handleRequest(Map.of(), null);

        assertThat(answer).containsEntry("locations", 1).containsEntry("published", 1)
                .containsEntry("keys", java.util.List.of("handler/loc-a/2026-03-31.html")); // on the 1st: the whole March
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("handler/loc-a/2026-03-31.html")).asString(StandardCharsets.UTF_8))
                .contains("2026-03-01").contains("2026-03-31");
    }

    @Test
    void theBucketIsRequiredAndThePrefixEndsInASlash() {
        assertThatThrownBy(() -> new DailyReportSettings(" ", null)).hasMessageContaining("BI_REPORT_BUCKET");
        assertThat(new DailyReportSettings("b", null).prefix()).isEqualTo("bi-reports/");
        assertThat(new DailyReportSettings("b", "x").prefix()).isEqualTo("x/");
        assertThatThrownBy(() -> new DailyReportSettings("b", "/x")).hasMessageContaining("BI_REPORT_PREFIX");
    }
}
