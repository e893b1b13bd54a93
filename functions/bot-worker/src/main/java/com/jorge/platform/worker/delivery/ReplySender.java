package com.jorge.platform.worker.delivery;

import com.jorge.platform.ghl.api.GhlApiClient;
import com.jorge.platform.ghl.api.GhlApiException;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one stored reply through GHL, at most once in effect: a reply whose earlier send had an unknown
 * outcome (a timeout, or a 5xx after the request was written) is looked up in GHL first and not sent
 * again when GHL has it; a send that fails with an unknown outcome is recorded so before the failure
 * propagates, so the next attempt looks first.
 */
public final class ReplySender {

    private final GhlApiClient ghl;
    private final SentReplyLookup sentReplies;
    private final Transactor db;
    private final MessageRepository messages;
    private final PlatformMetrics metrics;
    private final Clock clock;

    public ReplySender(GhlApiClient ghl, SentReplyLookup sentReplies, Transactor db, MessageRepository messages,
                       PlatformMetrics metrics, Clock clock) {
        this.ghl = ghl;
        this.sentReplies = sentReplies;
        this.db = db;
        this.messages = messages;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** GHL's message id of the reply. */
    public String send(MessageRepository.PendingReply reply) {
        if (reply.unconfirmedSendAt() != null) {
            Optional<String> sent = sentReplies.find(reply.lead(), reply.body(), reply.unconfirmedSendAt());
            if (sent.isPresent()) {
                metrics.count(PlatformMetrics.REPLIES_FOUND_SENT);
                return sent.get();
            }
        }
        Instant attemptedAt = clock.instant();
        try {
            return ghl.sendSms(reply.lead(), reply.body());
        } catch (GhlApiException e) {
            if (e.outcome() == GhlApiException.Outcome.UNKNOWN) {
                db.inTransaction(c -> {
                    messages.markSendUnconfirmed(c, reply.lead().locationId(), reply.id(), attemptedAt);
                    return null;
                });
            }
            throw e;
        }
    }
}
