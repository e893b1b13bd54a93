package com.jorge.platform.bi.daily;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.util.Map;

/**
 * λ bi-daily-report (EventBridge, once a day): {@link DailyReports#publish} into {@code BI_REPORT_BUCKET}. The
 * answer is the run's summary; a run with failures fails the invocation so the schedule's retry and the error
 * alarm see it.
 */
public final class DailyReportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DailyReports reports;
    private final LambdaInvocation invocation;

    public DailyReportHandler() {
        this(DailyReportFunction.fromConfig(PlatformConfig.fromEnvironment()), new EmfMetrics());
    }

    public DailyReportHandler(DailyReports reports, PlatformMetrics metrics) {
        this.reports = reports;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return invocation.run(context, () -> {
            DailyReports.Summary summary = reports.publish();
            if (!summary.failures().isEmpty()) {
                throw new IllegalStateException("daily report failed for " + summary.failures().size() + " of "
                        + summary.locations() + " locations: " + summary.failures());
            }
            return Map.of("locations", summary.locations(), "published", summary.published(), "keys", summary.keys());
        });
    }
}
