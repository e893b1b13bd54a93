package com.jorge.platform.worker.outcomes;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.LeadScoreAttributes;
import com.jorge.platform.ghl.events.GhlEvent;
import com.jorge.platform.storage.LeadOutcomeRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns GHL deal decisions into training rows for the lead score: a won opportunity is a converted
 * lead, a lost or abandoned one is not, a reopened one is undecided again. The row holds what the bots
 * knew (their {@link LeadScoreAttributes}), so a model retrained on it learns from the same
 * attributes it is later served. A lead the bots never talked with is not recorded: the model scores
 * conversations, and such a row would teach it nothing about them.
 */
public final class LeadOutcomeRecorder {

    /** What a deal's status change did to the lead's outcome. */
    public sealed interface Result {
        record Recorded(boolean converted) implements Result {}

        /** Another deal of the lead's was already won; a lost one does not undo it. */
        record KeptEarlierWin() implements Result {}

        record Withdrawn() implements Result {}

        /** No decision in the event (open with nothing to withdraw, a stage move, an unknown status). */
        record Undecided() implements Result {}

        record NoConversation() implements Result {}
    }

    private final LeadOutcomeRepository outcomes;
    private final LeadScoreAttributes attributes;

    public LeadOutcomeRecorder(LeadOutcomeRepository outcomes, LeadScoreAttributes attributes) {
        this.outcomes = outcomes;
        this.attributes = attributes;
    }

    public Result onDeal(Connection c, LeadRef lead, GhlEvent.OpportunityChanged deal, ConversationState state,
                         Instant now) throws SQLException {
        String status = deal.status() == null ? "" : deal.status().strip().toLowerCase(Locale.ROOT);
        Boolean converted = switch (status) {
            case "won" -> true;
            case "lost", "abandoned" -> false;
            default -> null;
        };
        if (converted == null) {
            boolean reopened = status.equals("open") && outcomes.withdraw(c, lead, deal.opportunityId());
            return reopened ? new Result.Withdrawn() : new Result.Undecided();
        }
        Optional<Map<String, Object>> known = attributes.of(state);
        if (known.isEmpty()) {
            return new Result.NoConversation();
        }
        Instant decidedAt = deal.meta().timestamp() == null ? now : deal.meta().timestamp();
        boolean written = outcomes.record(c, lead, deal.opportunityId(), attributes.featureSet(), known.get(),
                converted, decidedAt);
        return written ? new Result.Recorded(converted) : new Result.KeptEarlierWin();
    }
}
