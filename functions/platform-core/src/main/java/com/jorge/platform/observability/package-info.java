/**
 * Logs and metrics every function shares: {@link LambdaInvocation}, the frame a handler runs in (request id on the
 * log context, metrics flushed, context cleared); {@link CorrelationIds} for a webhook's ids; the metric names of
 * {@link PlatformMetrics}, written as CloudWatch EMF ({@link EmfMetrics}) or kept in memory
 * ({@link RecordedMetrics}); and {@link PiiMask}.
 */
package com.jorge.platform.observability;
