/**
 * The daily BI report to S3: {@link com.jorge.platform.bi.daily.DailyReportHandler} (λ, thin) →
 * {@link com.jorge.platform.bi.daily.DailyReports} (every location's month-to-date phone page) →
 * {@link com.jorge.platform.bi.daily.ReportStore} ({@link com.jorge.platform.bi.daily.S3ReportStore} in AWS).
 */
package com.jorge.platform.bi.daily;
