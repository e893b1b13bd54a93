package com.jorge.platform.bots.search;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Offers a buyer two or three listings once they gave an area, a budget and a size, and again
 * whenever those change: one text, a line and a link per listing, worded here from the search's
 * own results (never by the LLM writer, whose replies may carry no link or number of their own).
 * Listings that break the buyer's budget or size are dropped even if a search returned them.
 */
public final class ListingSuggestions {

    /** The criteria (as searched) listings were last offered for; a change offers again. */
    public static final String OFFERED_FOR = "search.offered_for";
    /** The ids offered last, for the agent and the CRM. */
    public static final String OFFERED_IDS = "search.offered_ids";
    public static final int MAX_OFFERED = 3;

    private static final Logger log = LoggerFactory.getLogger(ListingSuggestions.class);

    private final ListingSearch search;

    public ListingSuggestions(ListingSearch search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    public ListingSearch search() {
        return search;
    }

    /** The text offering listings, when this buyer's criteria are complete and new; records what was offered. */
    public Optional<String> offer(LeadRef lead, BotType side, LeadFacts facts, String language) {
        if (side != BotType.BUYER || search == ListingSearch.NONE) {
            return Optional.empty();
        }
        Optional<BuyerCriteria> criteria = BuyerCriteria.from(facts);
        if (criteria.isEmpty() || criteria.get().queryText().equals(facts.raw(OFFERED_FOR))) {
            return Optional.empty();
        }
        List<ListingOffer> offers;
        try {
            offers = search.find(new ListingRequest(lead.locationId(), lead.contactId(), criteria.get(), MAX_OFFERED));
        } catch (RuntimeException e) {
            // the qualification goes on without listings; the next turn tries again
            log.warn("listing search failed ({}); no listings offered this turn", e.getClass().getSimpleName());
            return Optional.empty();
        }
        List<ListingOffer> kept = offers.stream().filter(criteria.get()::admits).limit(MAX_OFFERED).toList();
        if (kept.size() < offers.stream().limit(MAX_OFFERED).count()) {
            log.warn("listing search returned {} listings outside the buyer's criteria; dropped", offers.size() - kept.size());
        }
        facts.setInternal(OFFERED_FOR, criteria.get().queryText());
        facts.setInternal(OFFERED_IDS, kept.isEmpty() ? null : kept.stream().map(ListingOffer::listingId).collect(Collectors.joining(",")));
        return kept.isEmpty() ? Optional.empty() : Optional.of(text(kept, "es".equals(language)));
    }

    static String text(List<ListingOffer> offers, boolean spanish) {
        StringBuilder s = new StringBuilder();
        if (offers.size() == 1) {
            s.append(spanish ? "Esta casa encaja con lo que buscas:" : "Here is a home that fits what you told me:");
        } else {
            s.append(spanish ? "Estas " + offers.size() + " casas encajan con lo que buscas:"
                    : "Here are " + offers.size() + " homes that fit what you told me:");
        }
        for (int i = 0; i < offers.size(); i++) {
            ListingOffer o = offers.get(i);
            s.append('\n').append(i + 1).append(") ").append(line(o, spanish)).append(' ').append(o.link());
        }
        return s.toString();
    }

    /** "3 bd/2.5 ba, 1,850 sq ft, Bellevue, $875,000" ("3 rec/2.5 banos, 1,850 pies2, ..." in Spanish, GSM-7 only). */
    static String line(ListingOffer o, boolean spanish) {
        String baths = o.bathrooms().stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, spanish ? "%d rec/%s banos, %,d pies2, %s, $%,d" : "%d bd/%s ba, %,d sq ft, %s, $%,d",
                o.bedrooms(), baths, o.livingSqft(), o.place(), o.price());
    }
}
