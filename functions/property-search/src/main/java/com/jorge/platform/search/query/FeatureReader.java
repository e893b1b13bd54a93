package com.jorge.platform.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listing features a query requires or excludes, in English and Spanish, over folded text (lower
 * case, no accents). A negation just before the feature ("no basement", "without a view", "sin
 * sótano", "not on the water") excludes it: "with a basement" and "without a basement" must never be
 * the same query to the cache.
 */
final class FeatureReader {

    /** One feature mention: the feature, whether it was negated, and its span in the text. */
    record Mention(Feature feature, boolean negated, int start, int end) {}

    private static final Map<Feature, Pattern> PATTERNS = Map.of(
            // "near the waterfront park" is a park, not a house on the water
            Feature.WATERFRONT, Pattern.compile("\\b(waterfront|water front|lake ?front|on the (water|lake)|frente al (lago|agua|mar)|a la orilla del (lago|agua))\\b(?! park)"),
            Feature.VIEW, Pattern.compile("\\b(views?|vistas?)\\b"),
            Feature.BASEMENT, Pattern.compile("\\b(basements?|sotanos?)\\b"),
            Feature.SINGLE_STORY, Pattern.compile("\\b((single|one|1)[- ]?(story|storey|level)|rambler|no stairs|de un (piso|nivel)|una (sola )?planta)\\b"),
            // land with a house ("lots of land", "land for horses") is a large lot, not the land property type
            Feature.LARGE_LOT, Pattern.compile("\\b((large|big|huge) (fenced )?(back)?(lot|yard)|acreage|((a )?few |several |some |varios |unos )?acres?|(lote|terreno|patio) grande"
                    + "|(lots|plenty|acres?) of land|land for (horses|animals)|with (some )?land|con (un |mucho |buen )?terreno)\\b"),
            Feature.RENOVATED, Pattern.compile("\\b(renovated|remodel(l)?ed|renovad[ao]s?|remodelad[ao]s?)\\b"),
            Feature.NEW_CONSTRUCTION, Pattern.compile("\\b(new construction|newly built|new build|brand new|obra nueva|(construccion|casa) nueva|nueva construccion|recien construida)\\b"));

    /** A negation cue ending within a few words before the feature. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(no|not|without|w/o|sin|nothing with|don'?t want( an?)?|no quiero|avoid|except)\\s+((on|in|at|with)\\s+)?((a|an|the|un|una|con)\\s+)?$");

    List<Mention> read(String folded) {
        List<Mention> out = new ArrayList<>();
        for (Map.Entry<Feature, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(folded);
            while (m.find()) {
                String before = folded.substring(Math.max(0, m.start() - 24), m.start());
                boolean negated = NEGATION.matcher(before).find();
                out.add(new Mention(e.getKey(), negated, m.start(), m.end()));
            }
        }
        return out;
    }
}
