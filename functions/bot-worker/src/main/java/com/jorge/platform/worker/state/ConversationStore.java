package com.jorge.platform.worker.state;

import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.storage.ConversationRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Conversation state and lead profile: Redis first, Aurora behind it (read-through), Aurora then Redis
 * on every change (write-through). Redis being down costs speed, never correctness: every failure is
 * counted and the database answers.
 */
public final class ConversationStore {

    private final LeadCache cache;
    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final PlatformMetrics metrics;
    private final NewLeadWarming newLeads; // null: a new contact's keys are evicted, not written

    /** {@code cache} may be null: the platform then runs on Aurora alone. */
    public ConversationStore(LeadCache cache, ConversationRepository conversations, ContactRepository contacts,
                             PlatformMetrics metrics) {
        this(cache, conversations, contacts, metrics, null);
    }

    private ConversationStore(LeadCache cache, ConversationRepository conversations, ContactRepository contacts,
                              PlatformMetrics metrics, NewLeadWarming newLeads) {
        this.cache = cache;
        this.conversations = conversations;
        this.contacts = contacts;
        this.metrics = metrics;
        this.newLeads = newLeads;
    }

    /** This store, writing a new contact's keys when GHL creates it ({@link NewLeadWarming}); null: evicting them. */
    public ConversationStore withNewLeadWarming(NewLeadWarming warming) {
        return new ConversationStore(cache, conversations, contacts, metrics,
                warming == null || !warming.settings().on() || cache == null ? null : warming);
    }

    /** What a new lead's first turn reads, for a write-through at ContactCreate: its fresh state and its contact. */
    public record NewLead(ConversationState state, ContactRecord profile) {}

    /**
     * When GHL created the contact and Aurora has no conversation for it yet: the state and profile the lead's
     * first turn would read ({@link #load}'s fresh state, {@link #profile}), from Aurora inside the caller's
     * transaction, without touching the cache. Empty when the write-through is off or the lead talked already
     * (a lead who texts in cold: its ContactCreate comes with its first text, whose turn cached the real state).
     */
    public Optional<NewLead> newLead(Connection c, LeadRef lead) throws SQLException {
        if (newLeads == null || conversations.find(c, lead).isPresent()) return Optional.empty();
        Optional<ContactRecord> profile = contacts.find(c, lead);
        return Optional.of(new NewLead(ConversationState.fresh(startingSide(profile)), profile.orElse(null)));
    }

    /** Once the ContactCreate committed: writes the new lead's keys under {@link NewLeadWarming}'s rules. */
    public void warmNewLead(LeadRef lead, NewLead first) {
        if (newLeads == null) {
            evict(lead);
            return;
        }
        try {
            NewLeadWarming.Written written = newLeads.write(lead, first.state(), first.profile());
            metrics.count(PlatformMetrics.CACHE_NEW_LEAD_WRITES, written.outcome().name().toLowerCase(java.util.Locale.ROOT));
        } catch (CacheUnavailableException e) {
            metrics.count(PlatformMetrics.CACHE_UNAVAILABLE, "lead_cache");
        }
    }

    public ConversationState load(Connection c, LeadRef lead) throws SQLException {
        Optional<ConversationState> cached = fromCache(() -> cache.conversation(lead));
        if (cached.isPresent()) return cached.get();
        Optional<ConversationState> stored = conversations.find(c, lead);
        ConversationState state = stored.isPresent() ? stored.get() : ConversationState.fresh(startingSide(c, lead));
        if (state.version() > 0) toCache(() -> cache.putConversation(lead, state));
        return state;
    }

    /** The conversation as Aurora has it now, bypassing the cache: for changes that must build on its current version. */
    public Optional<ConversationState> current(Connection c, LeadRef lead) throws SQLException {
        return conversations.find(c, lead);
    }

    /**
     * A new lead starts with the buyer bot when GHL tagged the contact a buyer (the funnel it came from),
     * else with the seller bot; the bots switch sides when the conversation says otherwise.
     */
    private BotType startingSide(Connection c, LeadRef lead) throws SQLException {
        return startingSide(profile(c, lead));
    }

    private static BotType startingSide(Optional<ContactRecord> profile) {
        return profile
                .filter(p -> p.tags().stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("buyer")))
                .map(p -> BotType.BUYER).orElse(BotType.SELLER);
    }

    /** Stores in Aurora inside the caller's transaction; call {@link #cacheAfterCommit} once it committed. */
    public ConversationState save(Connection c, LeadRef lead, ConversationState state) throws SQLException {
        return conversations.save(c, lead, state);
    }

    public void cacheAfterCommit(LeadRef lead, ConversationState state) {
        toCache(() -> cache.putConversation(lead, state));
    }

    public Optional<ContactRecord> profile(Connection c, LeadRef lead) throws SQLException {
        Optional<ContactRecord> cached = fromCache(() -> cache.profile(lead));
        if (cached.isPresent()) return cached;
        Optional<ContactRecord> stored = contacts.find(c, lead);
        stored.ifPresent(p -> toCache(() -> cache.putProfile(lead, p)));
        return stored;
    }

    /** The lead changed outside the bot (GHL contact update, DND, delete, a stale version): drop the hot copy. */
    public void evict(LeadRef lead) {
        toCache(() -> cache.evict(lead));
    }

    private <T> Optional<T> fromCache(java.util.function.Supplier<Optional<T>> read) {
        if (cache == null) return Optional.empty();
        try {
            Optional<T> value = read.get();
            metrics.count(value.isPresent() ? PlatformMetrics.CACHE_HITS : PlatformMetrics.CACHE_MISSES);
            return value;
        } catch (CacheUnavailableException e) {
            metrics.count(PlatformMetrics.CACHE_UNAVAILABLE, "lead_cache");
            return Optional.empty();
        }
    }

    private void toCache(Runnable write) {
        if (cache == null) return;
        try {
            write.run();
        } catch (CacheUnavailableException e) {
            metrics.count(PlatformMetrics.CACHE_UNAVAILABLE, "lead_cache");
        }
    }
}
