package com.jorge.platform.intake;

import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.ghl.events.InvalidWebhookException;
import com.jorge.platform.ghl.events.ParsedWebhook;
import com.jorge.platform.observability.CorrelationIds;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.QueuedLeadEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;

/**
 * The intake path for one GHL webhook: size, signature, shape, freshness, duplicates, then the queue.
 * Nothing is stored before the signature verifies, and an event is acknowledged only once it is queued.
 * Every path ends in an outcome: what cannot be queued right now, and any unexpected failure, is
 * {@link IntakeOutcome.RetryLater} (429), because GHL retries nothing else.
 */
public final class WebhookIntake {

    public static final int MAX_BODY_BYTES = 256 * 1024;
    /**
     * Sent as Retry-After. GHL's documented schedule is about ten minutes between attempts whatever we
     * say; a client that honours the header comes back after a minute, which outlasts an SQS throttle or
     * failover and stays well inside the 5-minute timestamp window, so the retried delivery still passes
     * the replay check if its timestamp is the original one.
     */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final SignatureVerifier signatures;
    private final GhlEventParser parser;
    private final ReplayGuard replayGuard;
    private final LeadEventQueue queue;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final RequestLimits limits;

    public WebhookIntake(SignatureVerifier signatures, GhlEventParser parser, ReplayGuard replayGuard,
                         LeadEventQueue queue, PlatformMetrics metrics, Clock clock) {
        this(signatures, parser, replayGuard, queue, metrics, clock, null);
    }

    /**
     * {@code limits} (nullable): each client address's token bucket (taken before the signature is checked)
     * and each location's (taken for an authentic event); a request over either is answered 429, so GHL retries it.
     */
    public WebhookIntake(SignatureVerifier signatures, GhlEventParser parser, ReplayGuard replayGuard,
                         LeadEventQueue queue, PlatformMetrics metrics, Clock clock, RequestLimits limits) {
        this.limits = limits;
        this.signatures = signatures;
        this.parser = parser;
        this.replayGuard = replayGuard;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    public IntakeOutcome accept(WebhookRequest request) {
        IntakeOutcome outcome;
        try {
            metrics.count(PlatformMetrics.WEBHOOKS_RECEIVED);
            outcome = decide(request);
        } catch (Throwable e) { // a bug or an Error must not become Lambda's 502, which GHL never retries
            // the class and where, not the message: an unexpected exception may quote the body
            log.error("webhook intake failed unexpectedly: {} at {}", e.getClass().getName(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            outcome = retryLater("internal_error");
        }
        try {
            switch (outcome) {
                case IntakeOutcome.Rejected r -> {
                    metrics.count(PlatformMetrics.WEBHOOKS_REJECTED, r.reason());
                    log.warn("webhook rejected: {} ({}) field={}", r.reason(), r.status(), r.field());
                }
                case IntakeOutcome.RetryLater r -> metrics.count(PlatformMetrics.WEBHOOKS_THROTTLED, r.reason());
                default -> { }
            }
        } catch (RuntimeException e) {
            log.error("could not record the intake outcome: {}", e.getClass().getName());
        }
        return outcome;
    }

    private static IntakeOutcome.RetryLater retryLater(String reason) {
        return new IntakeOutcome.RetryLater(reason, "the event could not be accepted right now; retry later", RETRY_AFTER);
    }

    private IntakeOutcome decide(WebhookRequest request) {
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            return new IntakeOutcome.Rejected(413, "too_large", null,
                    "body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        // before the signature's cost: one address flooding the endpoint waits, whatever it sends
        if (limits != null && request.sourceIp() != null
                && limits.client(request.sourceIp()) instanceof RequestLimits.Verdict.Limited l) {
            return new IntakeOutcome.RetryLater("client_rate_limited", "this client sends faster than its limit; retry later",
                    Duration.ofSeconds(Math.max(l.retryAfterSeconds(), RETRY_AFTER.toSeconds())));
        }
        switch (signatures.verify(body, request.header(SignatureVerifier.RSA_HEADER),
                request.header(SignatureVerifier.ED25519_HEADER))) {
            case MISSING -> {
                return new IntakeOutcome.Rejected(401, "signature_missing", null,
                        "X-GHL-Signature header is required");
            }
            case INVALID -> {
                return new IntakeOutcome.Rejected(401, "signature_invalid", null, "signature does not match the body");
            }
            case VALID -> { /* go on */ }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new IntakeOutcome.Rejected(400, "invalid_body", "$", "body is not UTF-8");
        }
        ParsedWebhook parsed;
        try {
            parsed = parser.parse(text);
        } catch (InvalidWebhookException e) {
            return new IntakeOutcome.Rejected(400, "invalid_body", e.field(), e.getMessage());
        }
        return switch (parsed) {
            case ParsedWebhook.Unknown u -> {
                metrics.count(PlatformMetrics.WEBHOOKS_UNKNOWN_TYPE, u.meta().type());
                yield new IntakeOutcome.Ignored(u.meta().type());
            }
            case ParsedWebhook.Known k -> enqueue(k.event(), text);
        };
    }

    private IntakeOutcome enqueue(GhlEvent event, String body) {
        var meta = event.meta();
        try (CorrelationIds ignored = CorrelationIds.open(meta.webhookId(), meta.locationId(), event.contactId())) {
            // before the replay guard: a limited event must not be remembered as seen, or GHL's retry would be a duplicate
            if (limits != null && limits.location(meta.locationId()) instanceof RequestLimits.Verdict.Limited l) {
                return new IntakeOutcome.RetryLater("rate_limited", "this location sends faster than its limit; retry later",
                        Duration.ofSeconds(Math.max(l.retryAfterSeconds(), RETRY_AFTER.toSeconds())));
            }
            switch (replayGuard.check(meta.locationId(), meta.webhookId(), meta.timestamp())) {
                case STALE -> {
                    return new IntakeOutcome.Rejected(401, "stale_timestamp", "timestamp",
                            "timestamp is too old for a delivery or its retries, or ahead of our clock");
                }
                case DUPLICATE -> {
                    metrics.count(PlatformMetrics.WEBHOOKS_DUPLICATE);
                    return new IntakeOutcome.Duplicate(meta.webhookId());
                }
                case UNGUARDED -> metrics.count(PlatformMetrics.CACHE_UNAVAILABLE, "replay_guard");
                case FRESH -> { /* go on */ }
            }
            try {
                queue.send(new QueuedLeadEvent(QueuedLeadEvent.groupFor(meta.locationId(), event.contactId()),
                        meta.webhookId(), meta.type(), body, clock.millis()));
            } catch (Throwable e) { // nothing was remembered, so GHL's retry of this webhookId is accepted
                log.error("could not queue webhook {}", meta.type(), e); // the SDK's messages carry no body
                return retryLater("queue_unavailable");
            }
            replayGuard.remember(meta.locationId(), meta.webhookId());
            metrics.count(PlatformMetrics.WEBHOOKS_ENQUEUED, meta.type());
            log.info("webhook accepted: {}", meta.type());
            return new IntakeOutcome.Accepted(meta.type(), meta.webhookId());
        }
    }
}
