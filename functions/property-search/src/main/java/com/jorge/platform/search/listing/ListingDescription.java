package com.jorge.platform.search.listing;

import com.jorge.platform.search.query.PlaceGazetteer;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The listing's text, generated from its fields and nothing else, so the same record always reads
 * the same (the embedding of this text is what free-text queries are ranked against). The wording
 * follows the King County grade and condition scales.
 */
public final class ListingDescription {

    private static final String[] CONDITION = {"", "poor", "fair", "average", "good", "very good"};
    private static final String[] VIEW = {"", "a fair view", "an average view", "a good view", "an excellent view"};

    private final PlaceGazetteer places;

    public ListingDescription(PlaceGazetteer places) {
        this.places = places;
    }

    public String describe(Listing l) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        List<String> parts = new ArrayList<>();
        String stories = l.floors().compareTo(BigDecimal.ONE) <= 0 ? "single-story" : l.floors().stripTrailingZeros().toPlainString() + "-story";
        parts.add(l.bedrooms() + "-bedroom, " + l.bathrooms().stripTrailingZeros().toPlainString() + "-bath " + stories
                + " house in " + places.cityOf(l.zip()) + " (" + l.zip() + ")");
        parts.add(n.format(l.livingSqft()) + " sq ft of living space on a " + n.format(l.lotSqft()) + " sq ft " + lotWord(l.lotSqft()));
        parts.add("built in " + l.yearBuilt() + (l.yearRenovated() > 0 ? ", renovated in " + l.yearRenovated() : ""));
        parts.add(CONDITION[Math.max(1, Math.min(5, l.condition()))] + " condition, " + gradeWords(l.grade()));
        if (l.waterfront()) {
            parts.add("waterfront");
        }
        if (l.view() > 0) {
            parts.add(VIEW[Math.min(4, l.view())]);
        }
        parts.add(l.basementSqft() > 0 ? n.format(l.basementSqft()) + " sq ft basement" : "no basement");
        if (l.yearBuilt() >= 2010) {
            parts.add("new construction");
        }
        // no price and no status: a price drop must not change the text or its embedding
        return String.join("; ", parts) + ".";
    }

    private static String lotWord(int lotSqft) {
        return lotSqft >= 43_560 ? "acreage lot" : lotSqft >= 10_000 ? "large lot" : lotSqft < 4_000 ? "small lot" : "lot";
    }

    private static String gradeWords(int grade) {
        if (grade >= 11) return "luxury custom design and finishes";
        if (grade >= 9) return "better than average construction and design";
        if (grade >= 7) return "average construction and design";
        if (grade >= 5) return "basic construction, a fixer-upper";
        return "substandard construction, a teardown";
    }
}
