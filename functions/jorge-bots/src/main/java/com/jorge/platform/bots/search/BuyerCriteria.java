package com.jorge.platform.bots.search;

import com.jorge.platform.bots.policy.Fact;
import com.jorge.platform.bots.policy.LeadFacts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a buyer told the bot they want, from the conversation's facts: the areas, the budget, the
 * size, the must-haves. {@link #queryText()} is the search the bot asks for, written the same way
 * for the same facts whatever language the lead wrote in (so a repeat is an exact cache hit).
 */
public record BuyerCriteria(List<String> areas, long minPrice, long maxPrice, int minBedrooms, BigDecimal minBathrooms,
                            List<String> mustHaves) {

    /** Must-haves (lead-understanding's values) the listing data can answer, as the search reads them. */
    private static final Map<String, String> SEARCHABLE = Map.of(
            "single_story", "single story", "basement", "with a basement", "acreage", "on a large lot",
            "view", "with a view", "waterfront", "waterfront");

    public BuyerCriteria {
        areas = List.copyOf(areas);
        mustHaves = List.copyOf(mustHaves);
        if (minPrice < 0 || maxPrice < minPrice) {
            throw new IllegalArgumentException("price range " + minPrice + ".." + maxPrice + " is empty or negative");
        }
    }

    /** Present once the buyer gave an area, a budget (its top) and a size: what the bot needs to offer listings. */
    public static Optional<BuyerCriteria> from(LeadFacts facts) {
        if (!facts.has(Fact.BUYER_AREAS) || !facts.has(Fact.BUYER_BEDROOMS) || !facts.has(Fact.BUYER_BUDGET_MAX)) {
            return Optional.empty();
        }
        long max = amount(facts.get(Fact.BUYER_BUDGET_MAX));
        long min = facts.has(Fact.BUYER_BUDGET_MIN) ? amount(facts.get(Fact.BUYER_BUDGET_MIN)) : 0;
        int beds = (int) Math.floor(number(facts.get(Fact.BUYER_BEDROOMS)));
        BigDecimal baths = facts.has(Fact.BUYER_BATHROOMS) ? BigDecimal.valueOf(Math.max(0, number(facts.get(Fact.BUYER_BATHROOMS)))) : BigDecimal.ZERO;
        if (max <= 0 || beds < 0 || min > max) {
            return Optional.empty(); // a value the bot cannot read as a bound is not searched on
        }
        List<String> areas = Arrays.stream(facts.get(Fact.BUYER_AREAS).split("; ")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        List<String> musts = facts.has(Fact.BUYER_MUST_HAVES)
                ? Arrays.stream(facts.get(Fact.BUYER_MUST_HAVES).split("; ")).map(String::strip).filter(SEARCHABLE::containsKey).sorted().toList()
                : List.of();
        return areas.isEmpty() ? Optional.empty() : Optional.of(new BuyerCriteria(areas, min, max, beds, baths, musts));
    }

    /** The search text: "3 bedrooms 2 baths in Bellevue or Kirkland from $400,000 to $900,000 with a basement". */
    public String queryText() {
        StringBuilder s = new StringBuilder();
        s.append(minBedrooms).append(" bedrooms");
        if (minBathrooms.signum() > 0) {
            s.append(' ').append(minBathrooms.stripTrailingZeros().toPlainString()).append(" baths");
        }
        s.append(" in ").append(String.join(" or ", areas));
        if (minPrice > 0) {
            s.append(String.format(Locale.ROOT, " from $%,d to $%,d", minPrice, maxPrice));
        } else {
            s.append(String.format(Locale.ROOT, " under $%,d", maxPrice));
        }
        for (String m : mustHaves) {
            s.append(' ').append(SEARCHABLE.get(m));
        }
        return s.toString();
    }

    /** Whether an offer keeps to the criteria the bot can check itself (the search checks them all). */
    public boolean admits(ListingOffer offer) {
        return offer.price() >= minPrice && offer.price() <= maxPrice && offer.bedrooms() >= minBedrooms
                && offer.bathrooms().compareTo(minBathrooms) >= 0;
    }

    private static long amount(String value) {
        try {
            return Math.round(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
