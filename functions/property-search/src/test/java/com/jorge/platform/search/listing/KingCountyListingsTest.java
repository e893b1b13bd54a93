package com.jorge.platform.search.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.search.query.PlaceGazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KingCountyListingsTest {

    private final List<Listing> sample = KingCountyListings.sample();
    private final PlaceGazetteer places = PlaceGazetteer.load(PlaceGazetteer.KING_COUNTY);

    @Test
    void theSampleIsBoundedDistinctAndComplete() {
        assertThat(sample).hasSize(2_678);
        assertThat(sample.stream().map(Listing::id).distinct().count()).isEqualTo(sample.size());
        assertThat(sample).allSatisfy(l -> {
            assertThat(l.price()).isPositive();
            assertThat(l.latitude()).isBetween(47.0, 48.0);
            assertThat(l.longitude()).isBetween(-123.0, -121.0);
            assertThat(l.grade()).isBetween(1, 13);
        });
        assertThat(sample.stream().filter(Listing::waterfront).count()).isBetween(5L, 60L);
    }

    @Test
    void everyZipBelongsToANamedPlaceAndEveryGazetteerNameHasZips() throws IOException {
        assertThat(sample).allSatisfy(l -> assertThat(places.cityOf(l.zip())).isNotEqualTo("King County"));
        try (InputStream in = getClass().getResourceAsStream("/search/king-county/areas-king-county.txt")) {
            Set<String> names = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
            assertThat(names).isEqualTo(places.placeNames());
        }
    }

    @Test
    void theDescriptionIsGeneratedFromTheFieldsDeterministically() {
        ListingDescription describe = new ListingDescription(places);
        Listing first = sample.getFirst();

        assertThat(describe.describe(first)).isEqualTo(describe.describe(first))
                .isEqualTo("6-bedroom, 3-bath 2-story house in Auburn (98002); 2,400 sq ft of living space on a 9,373 sq ft lot; "
                        + "built in 1991; average condition, average construction and design; no basement.");
        assertThat(describe.describe(first.withPrice(1))).isEqualTo(describe.describe(first));
    }
}
