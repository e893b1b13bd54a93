/**
 * What the platform tells its operators, and how: {@link LambdaInvocation}, the frame a handler runs in
 * (request id on the log context, metrics flushed, context cleared); {@link CorrelationIds} for a
 * webhook's ids; the metric names of {@link PlatformMetrics}, written as CloudWatch EMF ({@link EmfMetrics})
 * or kept in memory ({@link RecordedMetrics}); and the two guards that keep personal data out of logs:
 * {@link PiiMask} where our code logs a value on purpose, {@link LogScrubber} for what libraries echo into
 * messages and exceptions, applied to every line by the log layout ({@code log/}).
 */
package com.jorge.platform.observability;
