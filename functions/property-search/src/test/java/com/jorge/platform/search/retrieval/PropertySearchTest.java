package com.jorge.platform.search.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.search.SearchFixture;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.listing.ListingStatus;
import com.jorge.platform.search.listing.KingCountyListings;
import com.jorge.platform.search.query.SearchQuery;
import com.jorge.platform.search.query.SearchQueryReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PropertySearchTest {

    private static SearchFixture.Loaded db;
    private final SearchQueryReader reader = SearchFixture.reader();

    @BeforeAll
    static void load() {
        db = SearchFixture.load("property_search");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void everyHitSatisfiesEveryConstraint() {
        SearchQuery q = reader.read("3 bed 2 bath in Kirkland under 900k with a basement, quiet street");
        SearchPage page = db.search().search(q, 10);

        assertThat(page.hits()).hasSize(10);
        assertThat(page.hits()).allSatisfy(h -> assertThat(q.constraints().admits(h.listing())).isTrue());
        assertThat(page.hits()).isSortedAccordingTo((a, b) -> Double.compare(b.relevance(), a.relevance()));
    }

    @Test
    void aSelectiveFilterStillFillsThePage() {
        // waterfront listings are under 1 % of the sample: a scan-then-filter index would return almost nothing
        SearchQuery q = reader.read("waterfront home with a view, modern kitchen");
        long waterfront = KingCountyListings.sample().stream().filter(Listing::waterfront).count();
        SearchPage page = db.search().search(q, 10);

        assertThat(waterfront).isGreaterThanOrEqualTo(10).isLessThan(KingCountyListings.sample().size() / 100);
        assertThat(page.hits()).hasSize(10);
        assertThat(page.hits()).allSatisfy(h -> assertThat(h.listing().waterfront()).isTrue());
    }

    @Test
    void theFreeTextRanks() {
        SearchPage renovated = db.search().search(reader.read("in Seattle, recently updated with modern finishes, luxury"), 5);
        SearchPage teardown = db.search().search(reader.read("in Seattle, cheap teardown to rebuild, fixer"), 5);

        assertThat(renovated.hits().getFirst().listing().grade()).isGreaterThan(teardown.hits().getFirst().listing().grade());
    }

    @Test
    void aPriceDropOrASaleChangesTheNextSearch() {
        SearchQuery q = reader.read("3 bed in Redmond under 600k");
        SearchPage before = db.search().search(q, 50);
        Listing first = before.hits().getFirst().listing();
        Listing pricey = db.repository().findAll(List.of(db.repository().matchingIds(
                reader.read("3 bed in Redmond between 650k and 700k").constraints())[0])).values().iterator().next();

        db.catalog().change(first.withStatus(ListingStatus.SOLD));
        db.catalog().change(pricey.withPrice(550_000));
        SearchPage after = db.search().search(q, 50);

        assertThat(after.ids()).doesNotContain(first.id()).contains(pricey.id());
        db.catalog().change(first);
        db.catalog().change(pricey);
        assertThat(db.search().search(q, 50).ids()).contains(first.id()).doesNotContain(pricey.id());
    }

    @Test
    void aConstraintNoListingMeetsGivesAnEmptyPage() {
        assertThat(db.search().search(reader.read("condo in Seattle"), 10).hits()).isEmpty();
        assertThat(db.search().search(reader.read("9 bed in Medina under 100k"), 10).hits()).isEmpty();
    }

    @Test
    void aColdStartWarmsTheIndexFromTheTableWithoutEmbedding() {
        ExactVectorIndex fresh = new ExactVectorIndex();
        ListingCatalog catalog = new ListingCatalog(db.repository(), fresh, text -> {
            throw new AssertionError("a warm start embeds nothing");
        }, null);

        assertThat(catalog.warm()).isEqualTo(db.index().size());
    }

    @Test
    void theMigrationIsRepeatableBesideOtherTables() {
        db.repository().migrate();
        assertThat(db.repository().find(KingCountyListings.sample().getFirst().id())).isPresent();
    }
}
