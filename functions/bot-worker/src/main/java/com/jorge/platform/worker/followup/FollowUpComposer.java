package com.jorge.platform.worker.followup;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.worker.state.ConversationStore;
import com.jorge.platform.worker.state.InstallationStatus;
import com.jorge.platform.worker.state.LeadZones;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a quiet lead as Aurora has it now and asks the bots' follow-up policy for the next nudge: the
 * lead-nurture workflow's steps ({@link #next}, the workflow keeps the timing) and the local runtime's
 * sweep ({@link #due}, the policy's own timing) share it.
 */
public final class FollowUpComposer {

    /**
     * The lead's profile (null when GHL never told us about it), current conversation (null when none),
     * and whether its location removed the app (then nothing more goes out).
     */
    public record QuietLead(LeadRef lead, ContactRecord profile, ConversationState state, boolean appRemoved) {}

    private final ConversationStore store;
    private final FollowUpPolicy policy;
    private final LeadZones zones;
    private final InstallationStatus installations;

    public FollowUpComposer(ConversationStore store, FollowUpPolicy policy, LeadZones zones,
                            InstallationStatus installations) {
        this.store = store;
        this.policy = policy;
        this.zones = zones;
        this.installations = installations;
    }

    /** Reads inside the caller's transaction; the state from Aurora, whose version a follow-up must build on. */
    public QuietLead read(Connection c, LeadRef lead) throws SQLException {
        return new QuietLead(lead, store.profile(c, lead).orElse(null), store.current(c, lead).orElse(null),
                installations.uninstalled(c, lead.locationId()));
    }

    /** The next follow-up now, the timing being the workflow's; empty when none may go out. */
    public Optional<BotTurn> next(QuietLead quiet, Instant now) {
        return quiet.state() == null || quiet.appRemoved() ? Optional.empty() : policy.nextFollowUp(context(quiet, now));
    }

    /** The follow-up due now by the policy's own timing; empty when none is. */
    public Optional<BotTurn> due(QuietLead quiet, Instant now) {
        return quiet.state() == null || quiet.appRemoved() ? Optional.empty() : policy.followUp(context(quiet, now));
    }

    /** The re-engagement text for a lead of a bulk re-engagement batch, now; empty when none may go out. */
    public Optional<BotTurn> reEngagement(QuietLead quiet, Instant now) {
        return quiet.state() == null || quiet.appRemoved() ? Optional.empty() : policy.reEngagement(context(quiet, now));
    }

    /** Which conversations a follow-up schedule looks at: the counter the policy keeps, and its cap. */
    public FollowUpPolicy policy() {
        return policy;
    }

    private ConversationContext context(QuietLead quiet, Instant now) {
        ContactRecord profile = quiet.profile();
        return new ConversationContext(quiet.lead(), profile == null ? null : profile.firstName(), quiet.state(),
                zones.zoneOf(profile), now, profile == null ? null : profile.phone());
    }
}
