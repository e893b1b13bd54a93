package com.jorge.platform.observability;

import java.time.Duration;

/**
 * The platform's metrics, named once here so dashboards and alarms can rely on them. In Lambda they
 * become CloudWatch EMF lines ({@link EmfMetrics}); locally they are kept in memory ({@link RecordedMetrics}).
 */
public interface PlatformMetrics {

    String WEBHOOKS_RECEIVED = "WebhooksReceived";
    String WEBHOOKS_REJECTED = "WebhooksRejected";
    String WEBHOOKS_DUPLICATE = "WebhooksDuplicate";
    String WEBHOOKS_UNKNOWN_TYPE = "WebhooksUnknownType";
    String WEBHOOKS_ENQUEUED = "WebhooksEnqueued";
    /** Authentic webhooks answered 429 (GHL retries them) because they could not be queued; dimension: the reason. */
    String WEBHOOKS_THROTTLED = "WebhooksThrottled";
    String QUEUE_AGE = "QueueAgeMs";
    String REPLY_LATENCY = "ReplyLatencyMs";
    String REPLIES_SENT = "RepliesSent";
    String GHL_API_ERRORS = "GhlApiErrors";
    String GHL_API_RETRIES = "GhlApiRetries";
    String CACHE_HITS = "CacheHits";
    String CACHE_MISSES = "CacheMisses";
    String CACHE_UNAVAILABLE = "CacheUnavailable";
    String EVENTS_PROCESSED = "EventsProcessed";
    String EVENTS_FAILED = "EventsFailed";
    String EVENTS_ALREADY_DONE = "EventsAlreadyDone";
    String NURTURE_STEPS = "NurtureSteps";
    String HANDOFF_RESULTS = "HandoffResults";
    /** Won or lost deals recorded for retraining the lead score; dimension: the outcome. */
    String LEAD_OUTCOMES = "LeadOutcomesRecorded";
    /** Which scorer answered a bot's lead score; dimension: the score path (REMOTE, FALLBACK_..., RULES). */
    String LEAD_SCORES = "LeadScores";

    /** Adds {@code value} to a counter; {@code dimension} may be null (e.g. the rejection reason). */
    void count(String metric, String dimension, long value);

    void latency(String metric, Duration duration);

    default void count(String metric) {
        count(metric, null, 1);
    }

    default void count(String metric, String dimension) {
        count(metric, dimension, 1);
    }

    /** Pushes what was recorded (EMF flushes a log line per invocation). */
    default void flush() {}
}
