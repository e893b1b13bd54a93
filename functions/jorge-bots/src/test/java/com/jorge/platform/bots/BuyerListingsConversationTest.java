package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.search.ListingOffer;
import com.jorge.platform.bots.search.ListingRequest;
import com.jorge.platform.bots.search.ListingSearch;
import com.jorge.platform.bots.search.ListingSuggestions;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer bot offers listings through its search port once the buyer gave area, budget and size,
 * in the buyer's language, with the buyer's limits kept; real understanding (the patterns-only
 * readers), a search port standing in for the worker's (property-search's own test runs the real one).
 */
class BuyerListingsConversationTest {

    static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");
    static final Instant AFTERNOON = LocalDateTime.of(2026, 12, 8, 14, 0).atZone(SEATTLE).toInstant();
    static final Pattern LINE = Pattern.compile("(?m)^\\d\\) (\\d+) (?:bd|rec)/[\\d.]+ (?:ba|banos), [\\d,]+ (?:sq ft|pies2), ([^,]+), \\$([\\d,]+) (\\S+)$");

    /** Listings in the market the stand-in search answers from: price, beds, place. */
    final List<ListingOffer> market = List.of(
            offer("1", 850_000, 3, "Bellevue"), offer("2", 990_000, 4, "Bellevue"), offer("3", 620_000, 3, "Bellevue"),
            offer("4", 700_000, 2, "Bellevue"), offer("5", 880_000, 5, "Bellevue"), offer("6", 500_000, 3, "Kent"));
    final List<ListingRequest> requests = new ArrayList<>();
    /** Like the worker's: every criterion honoured, best (here: dearest) first. */
    final ListingSearch search = request -> {
        requests.add(request);
        return market.stream().filter(o -> request.criteria().admits(o) && request.criteria().areas().contains(o.place()))
                .sorted((a, b) -> Long.compare(b.price(), a.price())).limit(request.max()).toList();
    };

    JorgeConversationPolicy policy(ListingSearch listings) {
        return new JorgeConversationPolicy(BotSettings.defaults(), LeadMessageUnderstander.patternsOnly(Clock.systemUTC()),
                new RuleBasedLeadScorer(), new TemplateReplyWriter(ReplyTemplates.load())).withListings(listings);
    }

    @Test
    void aBuyerWhoGaveAreaBudgetAndSizeGetsMatchingListingsOnceAndAgainWhenTheCriteriaChange() {
        Conversation c = new Conversation(policy(search), BotType.BUYER, "c-buyer", SEATTLE, AFTERNOON);
        assertThat(c.say("Hi, I'm looking to buy a home in Bellevue").replies()).hasSize(1);
        assertThat(c.say("my budget is 900k").replies()).hasSize(1);
        assertThat(requests).isEmpty();

        BotTurn sized = c.say("we need 3 bedrooms");
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().criteria().queryText()).isEqualTo("3 bedrooms in Bellevue under $900,000");
        assertThat(requests.getFirst().locationId()).isEqualTo("loc-1");
        assertThat(sized.replies()).hasSize(2);
        String listings = sized.replies().getFirst();
        assertThat(listings).startsWith("Here are 3 homes that fit what you told me:");
        List<String[]> lines = lines(listings);
        assertThat(lines).extracting(l -> l[3]).containsExactly("https://listings.test/5", "https://listings.test/1", "https://listings.test/3");
        for (String[] l : lines) {
            assertThat(Integer.parseInt(l[0])).isGreaterThanOrEqualTo(3);
            assertThat(Long.parseLong(l[2].replace(",", ""))).isLessThanOrEqualTo(900_000);
            assertThat(l[1]).isEqualTo("Bellevue");
        }
        assertThat(c.state.facts()).containsEntry(ListingSuggestions.OFFERED_IDS, "5,1,3");

        // the same criteria: not offered again; a new budget: offered again, within it
        assertThat(c.say("sounds good").replies()).noneMatch(r -> r.contains("http"));
        assertThat(requests).hasSize(1);
        BotTurn cheaper = c.say("actually my max budget is 700k");
        assertThat(requests).hasSize(2);
        assertThat(lines(cheaper.replies().getFirst())).extracting(l -> l[3]).containsExactly("https://listings.test/3");
        assertThat(cheaper.replies().getFirst()).startsWith("Here is a home that fits");
    }

    @Test
    void aSpanishBuyerGetsTheListingsInSpanishFromOneMessage() {
        Conversation c = new Conversation(policy(search), BotType.BUYER, "c-es", SEATTLE, AFTERNOON);
        BotTurn turn = c.say("Hola, busco casa de 3 recámaras en Bellevue hasta 900 mil");
        assertThat(requests).singleElement().extracting(r -> r.criteria().queryText()).isEqualTo("3 bedrooms in Bellevue under $900,000");
        assertThat(turn.replies().getFirst()).startsWith("Estas 3 casas encajan con lo que buscas:");
        assertThat(lines(turn.replies().getFirst())).hasSize(3);
        assertThat(turn.replies().getFirst()).contains("rec/").contains("banos").doesNotContain("sq ft");
    }

    @Test
    void listingsOutsideTheBuyersLimitsAreDroppedAndAFailingSearchNeitherSilencesTheBotNorCountsAsOffered() {
        ListingSearch careless = request -> market; // ignores the criteria
        Conversation c = new Conversation(policy(careless), BotType.BUYER, "c-careless", SEATTLE, AFTERNOON);
        BotTurn turn = c.say("I want to buy a 3 bed house in Bellevue under 900k");
        for (String[] l : lines(turn.replies().getFirst())) {
            assertThat(Integer.parseInt(l[0])).isGreaterThanOrEqualTo(3);
            assertThat(Long.parseLong(l[2].replace(",", ""))).isLessThanOrEqualTo(900_000);
        }
        // #2 costs 990k and #4 has 2 beds: the next that keep to the limits take their places
        assertThat(lines(turn.replies().getFirst())).extracting(l -> l[3])
                .containsExactly("https://listings.test/1", "https://listings.test/3", "https://listings.test/5");

        boolean[] down = {true};
        ListingSearch flaky = request -> {
            if (down[0]) throw new IllegalStateException("database unavailable");
            return search.find(request);
        };
        Conversation f = new Conversation(policy(flaky), BotType.BUYER, "c-flaky", SEATTLE, AFTERNOON);
        BotTurn failed = f.say("I want to buy a 3 bed house in Bellevue under 900k");
        assertThat(failed.replies()).hasSize(1).noneMatch(r -> r.contains("http"));
        assertThat(f.state.facts()).doesNotContainKey(ListingSuggestions.OFFERED_FOR);
        down[0] = false;
        assertThat(f.say("ok").replies().getFirst()).startsWith("Here are 3 homes");
    }

    @Test
    void aSellerIsNeverOfferedListings() {
        Conversation c = new Conversation(policy(search), BotType.SELLER, "c-seller", SEATTLE, AFTERNOON);
        c.say("I want to sell my 3 bedroom house in Bellevue, hoping for 900k");
        assertThat(requests).isEmpty();
        assertThat(c.turns).allSatisfy(t -> assertThat(t.replies()).noneMatch(r -> r.contains("http")));
    }

    static List<String[]> lines(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) out.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        return out;
    }

    static ListingOffer offer(String id, long price, int beds, String place) {
        return new ListingOffer(id, "https://listings.test/" + id, price, beds, new BigDecimal("2.5"), 1_900, place);
    }
}
