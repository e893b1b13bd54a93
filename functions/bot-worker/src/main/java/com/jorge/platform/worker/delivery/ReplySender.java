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

    /**
     * GHL's message id of the reply. A reply read back from the outbox with a send mark is looked up in GHL
     * first; the decision's own delivery holds it in memory without one and sends at once.
     */
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
            db.inTransaction(c -> {
                if (e.outcome() == GhlApiException.Outcome.UNKNOWN) {
                    messages.markSendUnconfirmed(c, reply.lead().locationId(), reply.id(), attemptedAt);
                } else {
                    messages.clearSendMark(c, reply.lead().locationId(), reply.id());
                }
                return null;
            });
            throw e;
        }
    }

    /**
     * Sends a reply read back from the outbox that was stored without a send mark (held for quiet hours, or
     * an appointment's confirmation). Its first attempt is marked, committed, before the request goes out,
     * so a process that dies before "sent" is committed leaves the next attempt a reason to check GHL.
     */
    public String sendHeld(MessageRepository.PendingReply reply) {
        if (reply.unconfirmedSendAt() == null) {
            Instant now = clock.instant();
            db.inTransaction(c -> {
                messages.markSendUnconfirmed(c, reply.lead().locationId(), reply.id(), now);
                return null;
            });
        }
        return send(reply);
    }
}
