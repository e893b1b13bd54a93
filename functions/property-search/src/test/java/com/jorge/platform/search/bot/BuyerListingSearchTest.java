package com.jorge.platform.search.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.search.BuyerCriteria;
import com.jorge.platform.bots.search.ListingOffer;
import com.jorge.platform.bots.search.ListingRequest;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.search.SearchFixture;
import com.jorge.platform.search.cache.CachedPropertySearch;
import com.jorge.platform.search.cache.SearchCacheSettings;
import com.jorge.platform.search.cache.SemanticSearchCache;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The buyer bot with the real search behind its port: real understanding, PostgreSQL, Redis and
 * model. A buyer who gives area, budget and size, in English or Spanish, is texted two or three
 * real listings, each within every limit the buyer gave.
 */
class BuyerListingSearchTest {

    private static final Pattern LINK = Pattern.compile("ParcelNbr=(\\d{10})");
    private static SearchFixture.Loaded db;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> redis;
    private static BuyerListingSearch listings;
    private static JorgeConversationPolicy policy;

    @BeforeAll
    static void start() {
        db = SearchFixture.load("buyer_listings");
        client = RedisClient.create(TestRedis.standaloneUrl());
        redis = client.connect();
        SearchCacheSettings settings = new SearchCacheSettings(Duration.ofMinutes(30), SearchCacheSettings.DEFAULT_SIMILARITY, 64, 0.0);
        CachedPropertySearch search = new CachedPropertySearch(SearchFixture.reader(), db.search(), db.repository(),
                new SemanticSearchCache(redis.sync(), settings, Clock.systemUTC(), TestRedis.namespace("buyer") + ":"), settings,
                new RecordedMetrics(), () -> 1.0);
        listings = new BuyerListingSearch(search, SearchFixture.places(), new ListingLinks(ListingLinks.KING_COUNTY_PARCEL));
        policy = new JorgeConversationPolicy(BotSettings.defaults(), LeadMessageUnderstander.patternsOnly(Clock.systemUTC()),
                new RuleBasedLeadScorer(), new TemplateReplyWriter(ReplyTemplates.load())).withListings(listings);
    }

    @AfterAll
    static void stop() {
        redis.close();
        client.shutdown();
        db.close();
    }

    @Test
    void anEnglishBuyerIsTextedThreeRealListingsWithinAreaBudgetAndSize() {
        List<BotTurn> turns = converse("c-en", "Hi, I'm looking to buy a home in Kirkland", "budget is 900k", "3 bedrooms please");
        assertThat(turns.get(0).replies()).noneMatch(r -> r.contains("http"));
        assertThat(turns.get(1).replies()).noneMatch(r -> r.contains("http"));
        String offer = turns.get(2).replies().getFirst();
        assertThat(offer).startsWith("Here are 3 homes that fit what you told me:");
        List<Listing> offered = offered(offer);
        assertThat(offered).hasSize(3).allSatisfy(l -> {
            assertThat(l.price()).isLessThanOrEqualTo(900_000);
            assertThat(l.bedrooms()).isGreaterThanOrEqualTo(3);
            assertThat(SearchFixture.places().zipsOf("Kirkland").orElseThrow()).contains(l.zip());
            assertThat(l.active()).isTrue();
        });
        assertThat(turns.get(2).replies()).hasSize(2); // the listings, then the bot's next question
    }

    @Test
    void aSpanishBuyerIsTextedTheListingsInSpanishAndTheSameCriteriaHitTheCache() {
        List<BotTurn> turns = converse("c-es", "Hola, busco casa de 3 recámaras en Renton hasta 600 mil");
        String offer = turns.getFirst().replies().getFirst();
        assertThat(offer).startsWith("Estas 3 casas encajan con lo que buscas:");
        assertThat(offered(offer)).hasSize(3).allSatisfy(l -> {
            assertThat(l.price()).isLessThanOrEqualTo(600_000);
            assertThat(l.bedrooms()).isGreaterThanOrEqualTo(3);
            assertThat(SearchFixture.places().zipsOf("Renton").orElseThrow()).contains(l.zip());
        });
        // an English buyer with the same criteria gets the same listings (the bot's search text is language-neutral)
        List<BotTurn> en = converse("c-en2", "I want to buy a 3 bed house in Renton under 600k");
        assertThat(ids(en.getFirst().replies().getFirst())).isEqualTo(ids(offer));
    }

    @Test
    void anAreaOutsideTheMarketOrAnImpossibleBudgetOffersNothingRatherThanListingsFromAnywhere() {
        BuyerCriteria austin = new BuyerCriteria(List.of("Austin"), 0, 900_000, 3, BigDecimal.ZERO, List.of());
        assertThat(listings.find(new ListingRequest("loc-1", "c", austin, 3))).isEmpty();
        BuyerCriteria tooCheap = new BuyerCriteria(List.of("Medina"), 0, 100_000, 3, BigDecimal.ZERO, List.of());
        assertThat(listings.find(new ListingRequest("loc-1", "c", tooCheap, 3))).isEmpty();
        BuyerCriteria basement = new BuyerCriteria(List.of("Ballard", "Fremont"), 400_000, 1_000_000, 2, new BigDecimal("1.5"),
                List.of("basement", "pool"));
        List<ListingOffer> found = listings.find(new ListingRequest("loc-1", "c", basement, 3));
        assertThat(found).hasSize(3);
        Map<Long, Listing> rows = db.repository().findAll(found.stream().map(o -> Long.parseLong(o.listingId())).toList());
        assertThat(rows.values()).hasSize(3).allSatisfy(l -> {
            assertThat(l.basementSqft()).isPositive();
            assertThat(l.price()).isBetween(400_000L, 1_000_000L);
            assertThat(l.bathrooms()).isGreaterThanOrEqualTo(new BigDecimal("1.5"));
            assertThat(Set.of("98103", "98107", "98117")).contains(l.zip());
        });
    }

    @Test
    void theWorkersWiringWarmsFromTheTableAndKeepsToTheCriteria() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.schema().jdbcUrl());
        ds.setUser(db.schema().user());
        ds.setPassword(db.schema().password());
        BuyerListingSearch wired = BuyerListingSearch.fromConfig(PlatformConfig.of(Map.of("SEARCH_LISTING_LINK", "https://homes.example/l/{id}",
                "SEARCH_CACHE_PREFIX", TestRedis.namespace("wired") + ":")), ds, redis.sync(), new RecordedMetrics(), Clock.systemUTC());
        BuyerCriteria kent = new BuyerCriteria(List.of("Kent"), 0, 450_000, 4, BigDecimal.ZERO, List.of());
        List<ListingOffer> found = wired.find(new ListingRequest("loc-1", "c", kent, 3));
        assertThat(found).hasSize(3).allSatisfy(o -> {
            assertThat(o.link()).startsWith("https://homes.example/l/");
            assertThat(o.price()).isLessThanOrEqualTo(450_000);
            assertThat(o.bedrooms()).isGreaterThanOrEqualTo(4);
            assertThat(o.place()).isEqualTo("Kent");
        });
    }

    private static List<BotTurn> converse(String contactId, String... texts) {
        LeadRef lead = new LeadRef("loc-1", contactId);
        ConversationState state = ConversationState.fresh(BotType.BUYER);
        Instant now = Instant.parse("2026-12-08T22:00:00Z"); // 14:00 in Seattle
        List<BotTurn> turns = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            now = now.plusSeconds(90);
            BotTurn turn = policy.respond(new ConversationContext(lead, "Ana", state, ZoneId.of("America/Los_Angeles"), now, null),
                    new InboundText("m" + i, texts[i], "SMS", now));
            state = turn.nextState();
            turns.add(turn);
        }
        return turns;
    }

    private static List<Long> ids(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }

    private static List<Listing> offered(String text) {
        List<Long> ids = ids(text);
        Map<Long, Listing> rows = db.repository().findAll(ids);
        return ids.stream().map(rows::get).toList();
    }
}
