package com.jorge.platform.search.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.search.SearchFixture;
import com.jorge.platform.search.cache.CachedPropertySearch.SearchAnswer;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingStatus;
import com.jorge.platform.search.retrieval.PropertySearch;
import com.jorge.platform.search.retrieval.TextEmbedder;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The semantic cache over the real Redis and PostgreSQL, with the real model. */
class CachedPropertySearchTest {

    private static SearchFixture.Loaded db;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> redis;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final RecordedMetrics metrics = new RecordedMetrics();
    private final SearchCacheSettings settings = new SearchCacheSettings(Duration.ofMinutes(30), SearchCacheSettings.DEFAULT_SIMILARITY, 64, 1.0);
    private CachedPropertySearch search;

    @BeforeAll
    static void start() {
        db = SearchFixture.load("semantic_cache");
        client = RedisClient.create(TestRedis.standaloneUrl());
        redis = client.connect();
    }

    @AfterAll
    static void stop() {
        redis.close();
        client.shutdown();
        db.close();
    }

    @BeforeEach
    void fresh() {
        SemanticSearchCache cache = new SemanticSearchCache(redis.sync(), settings, clock, TestRedis.namespace("search") + ":");
        search = new CachedPropertySearch(SearchFixture.reader(), db.search(), db.repository(), cache, settings, metrics, () -> 0.0);
    }

    @Test
    void aParaphraseHitsAndAnswersWhatTheSearchWouldHave() {
        SearchAnswer first = search.search("loc-a", "contact-1", "3 bed in Kirkland under 900k, near good schools", 5);
        SearchAnswer second = search.search("loc-a", "contact-2", "need 3 bedrooms in Kirkland, max $900,000 near good schools", 5);

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.page().ids()).isEqualTo(first.page().ids()).hasSize(5);
        assertThat(metrics.counter(SearchMetrics.CACHE_HITS)).isEqualTo(1);
        assertThat(metrics.counter(SearchMetrics.CACHE_MISSES)).isEqualTo(1);
        // the audit re-ran the hit uncached (rate 1.0 here) and found the same page
        assertThat(metrics.counter(SearchMetrics.CACHE_AUDITS, "same")).isEqualTo(1);
    }

    @Test
    void theSameWordsAgainAreAnsweredWithoutEmbeddingThem() {
        AtomicInteger embedded = new AtomicInteger();
        TextEmbedder counting = text -> {
            embedded.incrementAndGet();
            return SearchFixture.embedder().embed(text);
        };
        SearchCacheSettings noAudit = new SearchCacheSettings(settings.ttl(), settings.similarity(), settings.maxEntriesPerKey(), 0.0);
        CachedPropertySearch counted = new CachedPropertySearch(SearchFixture.reader(), new PropertySearch(db.repository(), db.index(), counting),
                db.repository(), new SemanticSearchCache(redis.sync(), noAudit, clock, TestRedis.namespace("search") + ":"), noAudit, metrics, () -> 0.0);
        String text = "3 bed in Kirkland under 900k, near good schools";
        SearchAnswer first = counted.search("loc-a", "contact-1", text, 5);
        int afterMiss = embedded.get();

        SearchAnswer again = counted.search("loc-a", "contact-2", text, 5);
        assertThat(again.cached()).isTrue();
        assertThat(again.page().ids()).isEqualTo(first.page().ids());
        assertThat(embedded.get()).as("the model ran for words it had answered").isEqualTo(afterMiss);
        assertThat(metrics.counter(SearchMetrics.CACHE_SAME_TEXT_HITS)).isEqualTo(1);

        // other words under the same constraints: embedded and compared, and here no hit
        assertThat(counted.search("loc-a", "contact-3", "3 bed in Kirkland under 900k, on a busy street", 5).cached()).isFalse();
        assertThat(embedded.get()).isEqualTo(afterMiss + 1);
        // the same words in another location are another location's question
        assertThat(counted.search("loc-b", "contact-1", text, 5).cached()).isFalse();
        assertThat(metrics.counter(SearchMetrics.CACHE_SAME_TEXT_HITS)).isEqualTo(1);
    }

    @Test
    void anotherNumberPlaceTypeOrFeatureNeverHits() {
        search.search("loc-a", "c", "3 bed in Renton under 500k", 5);

        for (String other : List.of("4 bed in Renton under 500k", "3 bed in Renton under 400k", "3 bed in Kent under 500k",
                "3 bed condo in Renton under 500k", "3 bed in Renton under 500k with a basement", "3 bed in Renton under 500k without a basement",
                // lead-understanding reads no amount in this phrasing: "500k" stays in the free text and so in the key, a miss, never a wrong hit
                "3 bed under 500k in Renton")) {
            assertThat(search.search("loc-a", "c", other, 5).cached()).as(other).isFalse();
        }
        assertThat(search.search("loc-a", "c", "need 3 bedrooms in Renton under $500,000", 5).cached()).isTrue();
    }

    @Test
    void twoPlacesThatShareTheirZipCodeAreTwoQuestions() {
        search.search("loc-a", "c", "2 bed in Fremont under 800k", 5);

        assertThat(search.search("loc-a", "c", "2 bed in Wallingford under 800k", 5).cached()).isFalse();
        assertThat(search.search("loc-a", "c", "my partner and I want 2 bedrooms in Fremont, up to $800,000", 5).cached()).isTrue();
    }

    @Test
    void oppositeOrDifferentPreferencesNeverHit() {
        search.search("loc-a", "c", "3 bed in Seattle under 800k, close to the freeway", 5);
        search.search("loc-a", "c", "3 bed in Seattle under 800k, 2 car garage", 5);

        assertThat(search.search("loc-a", "c", "3 bed in Seattle under 800k, far from the freeway", 5).cached()).isFalse();
        assertThat(search.search("loc-a", "c", "3 bed in Seattle under 800k, 3 car garage", 5).cached()).isFalse();
        assertThat(search.search("loc-a", "c", "3 bed in Seattle under 800k, near good high schools", 5).cached()).isFalse();
    }

    @Test
    void locationsAreIsolated() {
        search.search("loc-a", "c", "3 bed in Bellevue under 900k", 5);

        assertThat(search.search("loc-b", "c", "3 bed in Bellevue under 900k", 5).cached()).isFalse();
        assertThat(search.search("loc-a", "c", "3 bed in Bellevue under 900k", 5).cached()).isTrue();
    }

    @Test
    void answersExpireAfterTheTtl() {
        search.search("loc-a", "c", "2 bed in Fremont under 700k", 5);
        clock.advance(Duration.ofMinutes(29));
        assertThat(search.search("loc-a", "c", "2 bed in Fremont under 700k", 5).cached()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(search.search("loc-a", "c", "2 bed in Fremont under 700k", 5).cached()).isFalse();
    }

    @Test
    void aListingChangeDropsTheAnswersItCouldMakeWrongAndNoOthers() {
        SearchAnswer redmond = search.search("loc-a", "c", "3 bed in Redmond under 600k", 5);
        search.search("loc-b", "c", "3 bed in Redmond under 600k", 5);
        search.search("loc-a", "c", "3 bed in Kent under 600k", 5);
        Listing sold = redmond.page().hits().getFirst().listing();

        int dropped = search.listingChanged(db.catalog().change(sold.withStatus(ListingStatus.SOLD)));
        try {
            assertThat(dropped).isEqualTo(2); // the Redmond answer in both locations
            SearchAnswer after = search.search("loc-a", "c", "3 bed in Redmond under 600k", 5);
            assertThat(after.cached()).isFalse();
            assertThat(after.page().ids()).doesNotContain(sold.id());
            assertThat(search.search("loc-a", "c", "3 bed in Kent under 600k", 5).cached()).isTrue();
        } finally {
            db.catalog().change(sold);
        }
    }

    @Test
    void aPriceDropIntoARangeDropsThatRangesAnswers() {
        search.search("loc-a", "c", "3 bed in Redmond under 600k", 50);
        long pricey = db.repository().matchingIds(SearchFixture.reader().read("3 bed in Redmond between 700k and 800k").constraints())[0];
        Listing before = db.repository().find(pricey).orElseThrow();

        search.listingChanged(db.catalog().change(before.withPrice(590_000)));
        try {
            SearchAnswer after = search.search("loc-a", "c", "3 bed in Redmond under 600k", 50);
            assertThat(after.cached()).isFalse();
            assertThat(after.page().ids()).contains(pricey);
        } finally {
            db.catalog().change(before);
        }
    }

    @Test
    void erasingAContactRemovesTheAnswersTheirQueriesCreated() {
        search.search("loc-a", "contact-1", "4 bed in Sammamish under 1.2M", 5);
        search.search("loc-a", "contact-2", "3 bed in Auburn under 400k", 5);

        assertThat(search.eraseContact("loc-a", "contact-1")).isEqualTo(1);
        assertThat(search.search("loc-a", "contact-3", "4 bed in Sammamish under 1.2M", 5).cached()).isFalse();
        assertThat(search.search("loc-a", "contact-3", "3 bed in Auburn under 400k", 5).cached()).isTrue();
        assertThat(search.eraseContact("loc-a", "contact-1")).isZero();
    }
}
