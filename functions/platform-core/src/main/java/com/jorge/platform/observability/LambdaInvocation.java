package com.jorge.platform.observability;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.MDC;

import java.util.Map;

/**
 * The frame every Lambda handler runs its body in, as Powertools' logging and metrics utilities wrap
 * a handler: the invocation's {@value #REQUEST_ID} is on every log line the body writes, the metrics
 * are flushed once the body is done, and the log context is left as it was found, whatever the body
 * throws (Errors included), so a warm container never carries one invocation's ids into the next.
 * <pre>{@code
 * return invocation.run(context, () -> intake.accept(request));
 * }</pre>
 */
public final class LambdaInvocation {

    /** The MDC key of the Lambda request id, next to {@link CorrelationIds}' webhook keys. */
    public static final String REQUEST_ID = "awsRequestId";

    private final PlatformMetrics metrics;

    public LambdaInvocation(PlatformMetrics metrics) {
        this.metrics = metrics;
    }

    /** What a handler does in one invocation; may throw what the handler's signature allows. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code body} with the request id of {@code context} (none when null: tests and the local
     * runtime may pass none) and answers what it answers.
     */
    public <T, E extends Exception> T run(Context context, Body<T, E> body) throws E {
        Map<String, String> before = MDC.getCopyOfContextMap();
        if (context != null) MDC.put(REQUEST_ID, context.getAwsRequestId());
        try {
            return body.run();
        } finally {
            try {
                metrics.flush();
            } finally {
                // the body's own ids too (CorrelationIds left open by a throw): back to what the caller had
                if (before == null) MDC.clear();
                else MDC.setContextMap(before);
            }
        }
    }
}
