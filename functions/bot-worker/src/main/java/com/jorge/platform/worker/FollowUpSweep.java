package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ConversationRepository;
import com.jorge.platform.storage.ConcurrentUpdateException;
import com.jorge.platform.storage.MessageRepository;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The follow-up schedule: finds leads who went quiet after the bot's last text and lets the follow-up
 * policy decide, per lead, whether a nudge is due (it enforces the cap on unanswered follow-ups, quiet
 * hours, opt-outs and pauses). A follow-up is stored and sent through the same outbox as any reply.
 */
public final class FollowUpSweep {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSweep.class);

    private final Transactor db;
    private final ConversationRepository conversations;
    private final FollowUpWriter writer;
    private final ConversationStore store;
    private final FollowUpPolicy policy;
    private final OutboxDelivery delivery;
    private final LeadZones leadZones;
    private final Clock clock;
    private final Duration minimumQuiet;
    private final String counterFact;
    private final int cap;

    public FollowUpSweep(Transactor db, ConversationRepository conversations, MessageRepository messages, AuditLog audit,
                         ConversationStore store, FollowUpPolicy policy, OutboxDelivery delivery, LeadZones leadZones,
                         Clock clock, Duration minimumQuiet, String counterFact, int cap) {
        this.db = db;
        this.conversations = conversations;
        this.writer = new FollowUpWriter(messages, audit, store);
        this.store = store;
        this.policy = policy;
        this.delivery = delivery;
        this.leadZones = leadZones;
        this.clock = clock;
        this.minimumQuiet = minimumQuiet;
        this.counterFact = counterFact;
        this.cap = cap;
    }

    /** Sends the follow-ups due now, at most {@code limit} leads a run; returns how many went out or were held. */
    public int run(int limit) {
        Instant now = clock.instant();
        List<LeadRef> candidates = db.inTransaction(c -> conversations.followUpCandidates(c, now, minimumQuiet, counterFact, cap, limit));
        int sent = 0;
        for (LeadRef lead : candidates) {
            try {
                if (followUp(lead, now)) sent++;
            } catch (ConcurrentUpdateException e) {
                store.evict(lead); // the lead wrote in meanwhile: their message wins, no follow-up now
            }
        }
        return sent;
    }

    private boolean followUp(LeadRef lead, Instant now) {
        String outboxId = "followup-" + UUID.randomUUID();
        FollowUpWriter.Stored stored = db.inTransaction(c -> {
            ContactRecord profile = store.profile(c, lead).orElse(null);
            if (profile != null && (profile.dnd() || profile.deleted())) return null;
            ConversationState state = conversations.find(c, lead).orElse(null); // Aurora: the version must be current
            if (state == null) return null;
            ConversationContext context = new ConversationContext(lead, profile == null ? null : profile.firstName(),
                    state, leadZones.zoneOf(profile), now);
            BotTurn turn = policy.followUp(context).orElse(null);
            if (turn == null || turn.replies().isEmpty()) return null;
            return writer.write(c, lead, turn, outboxId, now, Map.of());
        });
        if (stored == null) return false;
        store.cacheAfterCommit(lead, stored.state());
        delivery.deliver(stored.pending(), 0);
        log.info("follow-up sent or scheduled");
        return true;
    }
}
