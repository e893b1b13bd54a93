package com.jorge.platform.cachewarmer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * λ cache-warmer on an EventBridge schedule (every 15 minutes). Reads the scheduled event, runs the
 * warmer within the time the invocation has left (minus a margin for flushing metrics), and answers
 * the {@link WarmSummary} as JSON. A failed run throws, so the invocation counts as an error.
 * A stream handler: the summary is written by the platform's own JSON mapper, not the runtime's.
 */
public final class CacheWarmerHandler implements RequestStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(CacheWarmerHandler.class);
    /** left for the summary, the metrics flush and the recheck of the last batch */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(15);

    /** The fields of the EventBridge scheduled event the warmer uses (the rest is ignored). */
    record ScheduledTick(@JsonProperty("id") String id, @JsonProperty("time") String time) {}

    private final Supplier<CacheWarmerFunction> function;
    private final LambdaInvocation invocation;
    private final ObjectMapper json = PlatformJson.mapper();
    private CacheWarmerFunction built;

    public CacheWarmerHandler() {
        this(new EmfMetrics());
    }

    private CacheWarmerHandler(EmfMetrics metrics) {
        this(() -> CacheWarmerFunction.fromEnvironment(metrics), metrics);
    }

    public CacheWarmerHandler(Supplier<CacheWarmerFunction> function, PlatformMetrics metrics) {
        this.function = function;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        invocation.run(context, () -> {
            ScheduledTick tick = json.readValue(input, ScheduledTick.class);
            CacheWarmerFunction f = function();
            log.info("cache warm started by schedule event {} at {}", tick.id(), tick.time());
            WarmSummary summary = f.warmer().run(budget(f.settings().timeBudget(), context));
            json.writeValue(output, summary);
            return summary;
        });
    }

    private synchronized CacheWarmerFunction function() {
        if (built == null) built = function.get();
        return built;
    }

    /** The configured budget, shortened to the invocation's remaining time less the margin. */
    static Duration budget(Duration configured, Context context) {
        if (context == null) return configured;
        Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN);
        if (left.compareTo(Duration.ofSeconds(1)) < 0) left = Duration.ofSeconds(1);
        return left.compareTo(configured) < 0 ? left : configured;
    }
}
