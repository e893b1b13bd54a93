package com.jorge.platform.intake;

import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.ghl.events.InvalidWebhookException;
import com.jorge.platform.ghl.events.ParsedWebhook;
import com.jorge.platform.observability.CorrelationIds;
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

/**
 * The intake path for one GHL webhook: size, signature, shape, freshness, duplicates, then the queue.
 * Nothing is stored before the signature verifies, and an event is acknowledged only once it is queued.
 */
public final class WebhookIntake {

    public static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final SignatureVerifier signatures;
    private final GhlEventParser parser;
    private final ReplayGuard replayGuard;
    private final LeadEventQueue queue;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public WebhookIntake(SignatureVerifier signatures, GhlEventParser parser, ReplayGuard replayGuard,
                         LeadEventQueue queue, PlatformMetrics metrics, Clock clock) {
        this.signatures = signatures;
        this.parser = parser;
        this.replayGuard = replayGuard;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    public IntakeOutcome accept(WebhookRequest request) {
        metrics.count(PlatformMetrics.WEBHOOKS_RECEIVED);
        IntakeOutcome outcome = decide(request);
        if (outcome instanceof IntakeOutcome.Rejected r) {
            metrics.count(PlatformMetrics.WEBHOOKS_REJECTED, r.reason());
            log.warn("webhook rejected: {} ({}) field={}", r.reason(), r.status(), r.field());
        }
        return outcome;
    }

    private IntakeOutcome decide(WebhookRequest request) {
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            return new IntakeOutcome.Rejected(413, "too_large", null,
                    "body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES);
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
            switch (replayGuard.check(meta.locationId(), meta.webhookId(), meta.timestamp())) {
                case STALE -> {
                    return new IntakeOutcome.Rejected(401, "stale_timestamp", "timestamp",
                            "timestamp is outside the accepted window of 5 minutes");
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
            } catch (RuntimeException e) {
                replayGuard.release(meta.locationId(), meta.webhookId());
                log.error("could not queue webhook {}", meta.type(), e);
                return new IntakeOutcome.Unavailable("the event could not be queued; retry later");
            }
            metrics.count(PlatformMetrics.WEBHOOKS_ENQUEUED, meta.type());
            log.info("webhook accepted: {}", meta.type());
            return new IntakeOutcome.Accepted(meta.type(), meta.webhookId());
        }
    }
}
