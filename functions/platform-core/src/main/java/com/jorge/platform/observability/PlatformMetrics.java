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
    /** A GHL call that had to wait for a rate limit, not an error; dimension: {@code local} (our per-location limiter) or {@code ghl} (a 429). */
    String GHL_API_RATE_LIMITED = "GhlApiRateLimited";
    /** A send with an unknown outcome that the client found in the conversation, so did not send again. */
    String GHL_API_SENDS_CONFIRMED = "GhlApiSendsConfirmed";
    /** OAuth token refreshes by result (refreshed, invalid_grant); an invalid_grant breaks an installation (alert). */
    String GHL_TOKEN_REFRESHES = "GhlTokenRefreshes";
    String CACHE_HITS = "CacheHits";
    String CACHE_MISSES = "CacheMisses";
    String CACHE_UNAVAILABLE = "CacheUnavailable";
    /** A new lead's first-turn keys written at GHL's ContactCreate (bot-worker); kind written, erased or no_room. */
    String CACHE_NEW_LEAD_WRITES = "CacheNewLeadWrites";
    String EVENTS_PROCESSED = "EventsProcessed";
    String EVENTS_FAILED = "EventsFailed";
    String EVENTS_ALREADY_DONE = "EventsAlreadyDone";
    /**
     * Queue records the worker acknowledged without acting on them because they cannot be read (a retry would read
     * the same bytes); dimension: {@code not_json}, {@code invalid_ghl_event} or {@code invalid_workflow_message}.
     */
    String QUEUE_MESSAGES_DROPPED = "QueueMessagesDropped";
    /** A decided outbox left to the outbox's retry schedule; dimension: what failed (HTTP status, network, ...). */
    String OUTBOX_DEFERRED = "OutboxDeferred";
    /** Decided outboxes the retry schedule delivered. */
    String OUTBOX_REDELIVERED = "OutboxRedelivered";
    /** How long the oldest decided outbox has been waiting, measured each retry run (0 when none waits). */
    String OUTBOX_OLDEST_WAITING = "OutboxOldestWaitingMs";
    /** A reply whose earlier send had an unknown outcome, found in GHL and not sent again. */
    String REPLIES_FOUND_SENT = "RepliesFoundSent";
    String NURTURE_STEPS = "NurtureSteps";
    String HANDOFF_RESULTS = "HandoffResults";
    /** Won or lost deals recorded for retraining the lead score; dimension: the outcome. */
    String LEAD_OUTCOMES = "LeadOutcomesRecorded";
    /** Which scorer answered a bot's lead score; dimension: the score path (REMOTE, FALLBACK_..., RULES). */
    String LEAD_SCORES = "LeadScores";
    /**
     * A lead in a {@code model_version} experiment variant scored by the live model instead, because the
     * variant's version could not be loaded; dimension: the registry version.
     */
    String LEAD_SCORE_VARIANT_FALLBACKS = "LeadScoreVariantFallbacks";
    /**
     * The bots' replies and CRM actions, dimension {@code autonomous} (went out without a person) or
     * {@code needs_person} (waited for an approval); the autonomy rate is autonomous / all.
     */
    String BOT_ACTIONS = "BotActions";
    /** Held turns the approval workflow answered; dimension: approved, rejected or expired. */
    String APPROVAL_OUTCOMES = "ApprovalOutcomes";
    /** Leads of bulk re-engagement batches the worker handled; dimension: sent, held (quiet hours) or skipped. */
    String REENGAGEMENTS = "ReEngagements";
    /** Probable opt-outs the bot answered with silence, a pause and an agent's task (counted once GHL has the task). */
    String POSSIBLE_OPT_OUT_HOLDS = "PossibleOptOutHolds";

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
