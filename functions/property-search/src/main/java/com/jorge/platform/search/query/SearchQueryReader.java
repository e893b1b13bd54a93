package com.jorge.platform.search.query;

import com.jorge.platform.understanding.AreaReader;
import com.jorge.platform.understanding.LeadSide;
import com.jorge.platform.understanding.MessageUnderstander;
import com.jorge.platform.understanding.MessageUnderstanding;
import com.jorge.platform.understanding.Slot;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Free text (English, Spanish or mixed) into hard constraints plus the remaining free text. Money
 * and room counts come from lead-understanding's readers (through {@link MessageUnderstander}, as a
 * buyer's message), places from its {@link AreaReader} over the King County gazetteer, features
 * from {@link FeatureReader}. Whatever those readers used is cut out; filler words go; the rest is
 * the free text the ranking and the cache compare.
 */
public final class SearchQueryReader {

    public static final int MAX_QUERY_LENGTH = 1_000;

    /**
     * The words of a search request that carry no preference once the constraints are read: units,
     * budget and range words ("w" of "w/", "entre"), the property itself (EN and ES, folded); {@link Chatter} has the rest.
     */
    private static final Set<String> FILLER = Stream.of(
            "home", "homes", "house", "houses", "property", "properties", "place", "under", "below", "less", "max", "maximum",
            "up", "budget", "price", "priced", "around", "some", "any", "listings", "listing", "bed", "beds", "bedroom",
            "bedrooms", "bath", "baths", "bathroom", "bathrooms", "br", "ba", "bd", "plus", "least", "min", "minimum", "over",
            "above", "between", "from", "k", "dollars", "usd", "there", "area", "zip", "code", "within", "range", "most", "more",
            "busco", "buscamos", "buscando", "quiero", "queremos", "necesito", "necesitamos", "una", "un", "casa", "casas", "en",
            "de", "del", "con", "y", "o", "hasta", "menos", "mas", "maximo", "presupuesto", "por", "para", "que", "la", "el",
            "los", "las", "recamaras", "recamara", "habitaciones", "habitacion", "cuartos", "cuarto", "banos", "bano", "dolares",
            "mil", "dormitorios", "propiedad", "propiedades", "algo", "hay", "tiene", "tienen", "zona", "codigo", "postal", "al",
            "menor", "minimo", "como", "nuestro", "nos", "gustaria", "favor", "gracias", "sale", "cap", "w", "entre")
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern MIN_CUE = Pattern.compile("\\b(over|above|at least|min(imum)?|from|more than|desde|mas de|minimo)\\s*\\$?\\s*$");
    /** "no more than $475,000", "not over 500k", "can't go over $600k", "no más de 575 mil": a ceiling, whatever the words after the "no" say. */
    private static final Pattern NOT_MORE_CUE = Pattern.compile(
            "\\b(no|not|sin|can'?t|cannot|won'?t|don'?t want to|do not want to)\\s+(go\\s+|spend\\s+|pay\\s+)?(more than|over|above|exceed|mas de|pasar de)\\s*\\$?\\s*$");

    private static final Map<String, String> HALF = Map.of("one", "1.5", "two", "2.5", "three", "3.5", "four", "4.5");
    /** Phrasing the readers miss, each with the phrasing they read (never longer): see {@link #asKnownPhrasing}. */
    private static final List<Map.Entry<Pattern, String>> KNOWN_AS = List.of(
            Map.entry(Pattern.compile("(?i)\\b(?:tops? out at|max(?:es)? out at|capped at)(?=\\s*\\$?\\s*\\d)"), "up to"),
            Map.entry(Pattern.compile("(?i)\\b(one|two|three|four) and a half(?=\\s+(?:baths?|bathrooms?)\\b)"), "%s"));

    private final MessageUnderstander understander;
    private final AreaReader areas;
    private final PlaceGazetteer places;
    private final FeatureReader features = new FeatureReader();

    public SearchQueryReader(MessageUnderstander understander, AreaReader areas, PlaceGazetteer places) {
        this.understander = Objects.requireNonNull(understander, "understander");
        this.areas = Objects.requireNonNull(areas, "areas");
        this.places = Objects.requireNonNull(places, "places");
    }

    public SearchQuery read(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query is " + text.length() + " characters; the most a query may have is " + MAX_QUERY_LENGTH);
        }
        String asKnown = asKnownPhrasing(text);
        String folded = fold(asKnown);
        MessageUnderstanding m = understander.understand(asKnown, LeadSide.BUYER);
        List<int[]> used = new ArrayList<>();
        SearchConstraints c = SearchConstraints.none();

        List<FeatureReader.Mention> mentions = features.read(folded);
        long min = 0;
        long max = Long.MAX_VALUE;
        for (Slot s : m.slots()) {
            switch (s.name()) {
                case BUDGET_MIN -> {
                    if (ceiling(folded, s, used)) max = Long.parseLong(s.value()); else min = Long.parseLong(s.value());
                    used.add(span(s));
                }
                case BUDGET_MAX -> {
                    // a ceiling (its "no" must not reach the free text), unless it opens a range: "from 400k up to 550k"
                    if (!ceiling(folded, s, used) && MIN_CUE.matcher(folded.substring(Math.max(0, s.start() - 16), s.start())).find()) {
                        min = Long.parseLong(s.value());
                    } else {
                        max = Long.parseLong(s.value());
                    }
                    used.add(span(s));
                }
                // condition words ("renovated", "fixer upper") make the understander read a seller's price; in a search it is a bound
                case PRICE_EXPECTATION -> {
                    if (ceiling(folded, s, used)) {
                        max = Long.parseLong(s.value());
                    } else if (MIN_CUE.matcher(folded.substring(Math.max(0, s.start() - 16), s.start())).find()) {
                        min = Long.parseLong(s.value());
                    } else {
                        max = Long.parseLong(s.value());
                    }
                    used.add(span(s));
                }
                case BEDROOMS -> { c = c.withMinBedrooms((int) Math.floor(Double.parseDouble(s.value()))); used.add(span(s)); }
                case BATHROOMS -> { c = c.withMinBathrooms(new BigDecimal(s.value())); used.add(span(s)); }
                // "terreno grande" is a large lot, not land for sale
                case PROPERTY_TYPE -> {
                    if (mentions.stream().noneMatch(f -> f.start() < s.end() && s.start() < f.end())) {
                        c = c.withPropertyType(s.value());
                        used.add(span(s));
                    }
                }
                default -> { }
            }
        }
        if (max < min) { // "500k to 400k": the buyer's range, written backwards
            long t = min;
            min = max;
            max = t;
        }
        c = c.withPrice(min, max);

        Set<String> zips = new TreeSet<>();
        SortedSet<String> named = new TreeSet<>();
        for (Slot s : areas.read(asKnown)) {
            if (s.value().matches("\\d{5}")) {
                zips.add(s.value());
                named.add(s.value());
                used.add(span(s));
            } else {
                places.zipsOf(s.value()).ifPresent(z -> {
                    zips.addAll(z);
                    named.add(fold(places.canonicalName(s.value())));
                    used.add(span(s));
                });
            }
        }
        c = c.withZips(zips);

        Set<Feature> required = EnumSet.noneOf(Feature.class);
        Set<Feature> excluded = EnumSet.noneOf(Feature.class);
        for (FeatureReader.Mention f : mentions) {
            (f.negated() ? excluded : required).add(f.feature());
            used.add(new int[] {f.start(), f.end()});
        }
        required.removeAll(excluded); // "a view, no wait, no view": the negation wins, the safer filter
        c = c.withFeatures(required, excluded);

        return new SearchQuery(c, remainder(folded, used), m.language(), named);
    }

    /**
     * The text with phrasings the understanding module's readers do not know written as ones they do
     * ("our budget tops out at 900k" as "up to 900k", "two and a half baths" as "2.5 baths"), padded
     * with spaces to the same length, so every span the readers return still points into the text.
     */
    static String asKnownPhrasing(String text) {
        String out = text;
        for (Map.Entry<Pattern, String> r : KNOWN_AS) {
            Matcher m = r.getKey().matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String known = r.getValue().contains("%s") ? r.getValue().formatted(HALF.get(m.group(1).toLowerCase(Locale.ROOT))) : r.getValue();
                m.appendReplacement(b, Matcher.quoteReplacement(" ".repeat(m.end() - m.start() - known.length()) + known));
            }
            m.appendTail(b);
            out = b.toString();
        }
        return out;
    }

    private static String remainder(String folded, List<int[]> used) {
        char[] chars = folded.toCharArray();
        for (int[] span : used) {
            for (int i = span[0]; i < Math.min(span[1], chars.length); i++) {
                chars[i] = ' ';
            }
        }
        List<String> words = new ArrayList<>();
        for (String w : new String(chars).split("[^\\p{L}\\p{N}']+")) {
            String word = w.replace("'", "");
            if (!word.isEmpty()) words.add(word);
        }
        return String.join(" ", PreferenceWords.canonical(Chatter.without(words).stream().filter(w -> !FILLER.contains(w)).toList()));
    }

    /** Whether an amount follows "no more than" (or the like); if so its cue, the "no" included, is used up. */
    private static boolean ceiling(String folded, Slot s, List<int[]> used) {
        int from = Math.max(0, s.start() - 32);
        var m = NOT_MORE_CUE.matcher(folded.substring(from, s.start()));
        if (!m.find()) return false;
        used.add(new int[] {from + m.start(), s.start()});
        return true;
    }

    private static int[] span(Slot s) {
        return new int[] {s.start(), s.end()};
    }

    /** Lower case and accents removed, one character for one, so spans stay valid. */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char lower = Character.toLowerCase(text.charAt(i));
            String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            out[i] = lower >= 0x80 && !Character.isSurrogate(lower) && d.length() > 1 && d.charAt(0) < 0x80 ? d.charAt(0) : lower;
        }
        return new String(out);
    }
}
