package com.jorge.platform.local;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ConcurrentUpdateException;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.followup.FollowUpComposer;
import com.jorge.platform.worker.followup.FollowUpWriter;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The follow-up schedule where no lead-nurture workflow runs (this local runtime; in AWS the workflow
 * keeps the schedule and this sweep is not deployed): finds leads who went quiet after the bot's last
 * text and lets the follow-up policy decide, per lead, whether a nudge is due (it enforces the cap on
 * unanswered follow-ups, quiet hours, opt-outs and pauses). A follow-up is stored and sent through the
 * worker's outbox like any reply.
 */
public final class FollowUpSweep {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSweep.class);
    /** The bot must have been quiet this long before a lead is looked at; the policy's own waits are longer. */
    static final Duration MINIMUM_QUIET = Duration.ofHours(1);

    private final WorkerFunction.FollowUps parts;
    private final OutboxDelivery delivery;
    private final ConversationRepository conversations = new ConversationRepository(PlatformJson.mapper());
    private final Clock clock;

    public FollowUpSweep(WorkerFunction worker, Clock clock) {
        this.parts = worker.followUps();
        this.delivery = worker.delivery();
        this.clock = clock;
    }

    /** Sends the follow-ups due now, at most {@code limit} leads a run; returns how many went out or were held. */
    public int run(int limit) {
        Instant now = clock.instant();
        var policy = parts.composer().policy();
        List<LeadRef> candidates = parts.db().inTransaction(c -> conversations.followUpCandidates(c, now, MINIMUM_QUIET,
                policy.unansweredCounterFact(), policy.maxUnanswered(), limit));
        int sent = 0;
        for (LeadRef lead : candidates) {
            try {
                if (followUp(lead, now)) sent++;
            } catch (ConcurrentUpdateException e) {
                parts.store().evict(lead); // the lead wrote in meanwhile: their message wins, no follow-up now
            }
        }
        return sent;
    }

    private boolean followUp(LeadRef lead, Instant now) {
        String outboxId = "followup-" + UUID.randomUUID();
        FollowUpWriter.Stored stored = parts.db().inTransaction(c -> {
            FollowUpComposer.QuietLead quiet = parts.composer().read(c, lead);
            ContactRecord profile = quiet.profile();
            if (profile != null && (profile.dnd() || profile.deleted())) return null;
            BotTurn turn = parts.composer().due(quiet, now).orElse(null);
            if (turn == null || turn.replies().isEmpty()) return null;
            return parts.writer().write(c, lead, turn, outboxId, now, Map.of());
        });
        if (stored == null) return false;
        parts.writer().cacheAfterCommit(lead, stored);
        delivery.deliver(stored.pending(), 0);
        log.info("follow-up sent or scheduled");
        return true;
    }
}
