package com.jorge.platform.audit.archive.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.jorge.platform.audit.archive.AuditArchiveFunction;
import com.jorge.platform.audit.archive.AuditExporter;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.time.Clock;
import java.util.Map;

/** λ audit-archive, once a day (EventBridge): archives every location's new audit entries; answers the run summary. */
public final class AuditExportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final AuditExporter exporter;
    private final LambdaInvocation invocation;

    public AuditExportHandler() {
        this(AuditArchiveFunction.fromConfig(PlatformConfig.fromEnvironment()).exporter(Clock.systemUTC()), new EmfMetrics());
    }

    public AuditExportHandler(AuditExporter exporter, PlatformMetrics metrics) {
        this.exporter = exporter;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return invocation.run(context, () -> {
            AuditExporter.Summary s = exporter.run();
            return Map.of("locations", s.locations(), "objects", s.objects(), "entries", s.entries());
        });
    }
}
