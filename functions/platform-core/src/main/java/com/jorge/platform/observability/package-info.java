/**
 * What the platform tells its operators: metrics ({@link com.jorge.platform.observability.PlatformMetrics},
 * EMF in Lambda, in memory locally), correlation ids on every log line, and the two guards that keep
 * personal data out of logs: {@link com.jorge.platform.observability.PiiMask} where our code logs a
 * value on purpose, {@link com.jorge.platform.observability.LogScrubber} for what libraries echo into
 * messages and exceptions, applied to every line by the log layout ({@code log/}).
 */
package com.jorge.platform.observability;
