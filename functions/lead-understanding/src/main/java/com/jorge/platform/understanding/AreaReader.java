package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the lead names, from data rather than code: the market's own names ({@link MarketSettings}:
 * its gazetteer, service area, neighbourhoods and school districts), read wherever they occur; US
 * cities, towns and zip codes from the national gazetteer ({@code understanding/us-places.txt},
 * {@code us-zips.txt}, derived from GeoNames and the federal zip code list, see
 * {@code gazetteer/NOTICE.md}); and names in no list when a cue word introduces them ("in", "near",
 * "around", "en", "por", "cerca de": "in Plaza Midwood") or a school-district word follows ("Kyrene
 * schools"). A national or unlisted name also counts when it shares a list with a place already read
 * ("Brandon or Riverview", "Ballantyne, 28277", "Mesa, Queen Creek, or San Tan Valley"), and every zip
 * code of a list is read. A place introduced by "to" or "from" ("moving to Boise", "somos de
 * Guatemala") has no cue and so is not an area, nor one after a negation ("ya no busco en Mesa").
 *
 * <p>One pass over the words, with lookups of at most {@link PlaceNames#MAX_WORDS} words at each, so
 * time is linear in the text. Public so that another market's reader (property search's King County
 * gazetteer) is this one with another resource.
 */
public final class AreaReader {

    private static final String NATIONAL_PLACES = "/understanding/us-places.txt";
    private static final String ZIP_CODES = "/understanding/us-zips.txt";
    private static final String PLACE_WORDS = "/understanding/place-words.txt";

    private static final Set<String> CUES = Set.of("in", "near", "around", "en", "por", "inside", "outside", "within", "nearby", "rumbo", "thinking", "zip",
            "zipcode", "code", "codes", "codigo", "codigos");
    /** Two-word cues ending in "de" / "to" / "of": "cerca de", "casa de", "close to", "outskirts of". */
    private static final Set<String> CUE_HEADS = Set.of("cerca", "casa", "propiedad", "rumbo", "centro", "close", "closer", "next", "outskirts", "area", "part", "side",
            // "por el lado de Shawnee", "por la zona de Steele Creek", "las afueras de Mesa", "los alrededores de Lehi"
            "lado", "zona", "barrio", "afueras", "alrededores", "parte",
            // a home of a place: "el condo de Bradenton", "la casita de Odessa", "la townhouse de Wethersfield"
            "casita", "condo", "townhouse", "townhome", "depa", "departamento", "terreno", "duplex", "traila",
            // "ver la de Berwyn", "el de Clovis": the one (home) in a place
            "la", "el", "las", "los");
    private static final Set<String> ONE_OF = Set.of("la", "el", "las", "los");
    private static final Set<String> CUE_LINKS = Set.of("de", "del", "to", "of");
    private static final Set<String> RESIDENCE = Set.of("live", "lives", "living", "lived", "vivo", "vivimos", "vive", "viven", "born", "grew");
    private static final Set<String> LOOKING = Set.of("looking", "look", "lookin", "looked");
    /** "para de buscar en Hialeah", "stop looking in Mesa": the search there has ended. */
    private static final Set<String> STOPS = Set.of("stop", "stopped", "quit", "para", "paren", "pare", "dejen", "deja", "deje", "dejamos");
    private static final Set<String> SEARCHING = Set.of("looking", "searching", "buscar", "buscando", "search");
    private static final Set<String> CONNECTORS = Set.of("or", "and", "y", "o", "u", "maybe", "possibly", "even", "plus", "also", "tal", "vez");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "stopped", "nunca", "dont", "longer", "quit");
    private static final Set<String> DISTRICT_WORDS = Set.of("schools", "school", "isd", "area", "escuelas", "distrito");
    private static final Set<String> STATES = Set.of("al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia",
            "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or",
            "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "dc");
    /** "south omaha", "East Bakersfield": a part of a place named by its direction, read with the place. */
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest");
    /**
     * Words that end the name of a neighbourhood, suburb or county ("german village", "tower grove", "hardin valley", "otay
     * ranch", "Hanover county"): a word before one of these names a place in no list, read like an unlisted name (a cue, a
     * list, a heading).
     */
    private static final Set<String> PLACE_SUFFIXES = Set.of("valley", "hills", "hill", "heights", "village", "ranch", "grove", "garden",
            "gardens", "district", "county", "township", "parish", "creek", "cliff", "springs", "estates", "square", "ridge", "crossing",
            "landing", "woods", "meadows", "commons", "terrace", "manor", "glen", "highlands", "pointe");
    /** Words that, before a place suffix, describe rather than name ("a quiet village", "the same county", "3 bath ranch"). */
    private static final Set<String> NOT_A_NAME = Set.of("quiet", "nice", "good", "great", "big", "small", "little", "private", "gated", "new",
            "old", "same", "different", "other", "whole", "rural", "safe", "any", "some", "every", "each", "which", "what", "another", "per",
            "bath", "baths", "bed", "beds", "bedroom", "bedrooms", "brick", "style", "story", "level", "horse", "cattle", "school", "real",
            "retirement", "senior", "golf", "country", "trailer", "mobile", "that", "this", "your", "their", "his", "her", "its", "one", "nearby");
    /** Spanish phrases that are also the names of towns ("en el centro", "la mesa"): never a lower-case place. */
    private static final Set<String> ARTICLE_PHRASES = Set.of("el centro", "la mesa", "la luz", "la villa", "la union", "la place", "la plata",
            "la loma", "el rio", "la huerta", "el valle", "las lomas", "la presa", "el cerro", "la sal", "la rose", "el prado", "la casa",
            "la junta", "la palma", "las flores", "el portal", "el toro", "la grange", "la center", "el rancho", "los ojos", "la pine",
            "el verano", "la paloma", "el indio", "la joya", "la feria", "la fontaine", "la rue",
            // (tuning round on heldout-8) "ando en el campo": the fields, the countryside
            "el campo");
    /**
     * (tuning round on heldout-8) A street, not a place: a name that opens with a street word and stands alone or before its
     * number ("la de Avenida 48", "la casa de Road 68"). Market names are left alone. (A name that ends with one, "Jog Road", was
     * tried and dropped: heldout-6, read in aggregate, lost a place by it; neighbourhoods are named after roads.)
     */
    private static final Set<String> STREET_FIRST = Set.of("avenida", "calle", "camino", "road", "highway", "hwy", "route", "carretera", "avenue");
    /** Spanish words for a home that introduce its place with "de" only: "el condo de Bradenton", not "duplex to house hack". */
    private static final Set<String> HOME_HEADS = Set.of("casita", "condo", "townhouse", "townhome", "depa", "departamento", "terreno", "duplex", "traila");
    private static final Set<String> MONEY_AFTER = Set.of("k", "mil", "thousand", "dollars", "dolares", "grand", "down", "sqft", "sq", "ft");

    private static volatile National national;

    private final PlaceNames market;
    private final National places;

    private AreaReader(PlaceNames market, National places) {
        this.market = market;
        this.places = places;
    }

    /** A reader over the market gazetteer resource {@code resource} (one name a line, {@code #} comments). */
    public static AreaReader load(String resource) {
        return load(MarketSettings.of(resource));
    }

    /** A reader over the market's configured names and the national gazetteer. */
    public static AreaReader load(MarketSettings market) {
        return new AreaReader(PlaceNames.of(market.names()), national());
    }

    /** The national lists, loaded once per process (about 22,000 names and 42,000 zip codes). */
    private static National national() {
        National n = national;
        if (n == null) {
            synchronized (AreaReader.class) {
                n = national;
                if (n == null) {
                    Map<String, Set<String>> words = sections(PlaceNames.lines(PLACE_WORDS));
                    n = new National(PlaceNames.of(PlaceNames.lines(NATIONAL_PLACES)), UsZipCodes.load(ZIP_CODES),
                            words.getOrDefault("breaks", Set.of()), words.getOrDefault("common", Set.of()));
                    national = n;
                }
            }
        }
        return n;
    }

    private record National(PlaceNames names, UsZipCodes zips, Set<String> breaks, Set<String> common) {}

    private enum Kind {
        /** a name of the market: always an area */
        MARKET,
        ZIP,
        /** a capitalised national name of two or more words ("Wesley Chapel"): an area on its own */
        NATIONAL_NAME,
        /** a one-word capitalised national name ("Brandon"): needs a cue or a list */
        NATIONAL_WORD,
        /** a lower-case national name, or capitalised words in no list: needs a cue, a district word, or a list */
        UNLISTED
    }

    private static final class Candidate {
        final int from;
        final int to;
        final Kind kind;
        /** written in lower case: joins a list only through a list word ("en riverview o brandon"), not a bare comma */
        final boolean lowerCase;
        boolean accepted;
        boolean rejected;

        Candidate(int from, int to, Kind kind, boolean lowerCase) {
            this.from = from;
            this.to = to;
            this.kind = kind;
            this.lowerCase = lowerCase;
        }
    }

    /** Areas in {@code text} in order of appearance: place names as written, and zip codes. */
    public List<Slot> read(String text) {
        return read(FoldedText.of(text), List.of());
    }

    /** Areas in order of appearance; spans in {@code taken} (addresses, names, e-mail, lender) are skipped. */
    List<Slot> read(FoldedText text, List<int[]> taken) {
        List<AreaTokens.Token> tk = AreaTokens.of(text).tokens();
        List<Candidate> cands = candidates(text.folded(), tk, taken);
        for (Candidate c : cands) {
            if (negated(tk, c.from) || aJobThere(tk, c.from) || notOwnedThere(tk, c.from)) {
                c.rejected = true;
                continue;
            }
            c.accepted = switch (c.kind) {
                case MARKET, ZIP -> true;
                // "transferred to San Antonio", "from Salt Lake City": where the lead goes or comes from
                case NATIONAL_NAME -> !movedFromOrTo(tk, c.from) || cued(tk, c.from, c.to);
                case NATIONAL_WORD, UNLISTED -> cued(tk, c.from, c.to) || districtFollows(tk, c.to) || homeNamedFor(tk, c)
                        || afterAddress(tk, c, taken);
            };
        }
        // a one-word national name and another capitalised name, joined by a list word, are places
        // together ("Brandon or Riverview", "Dilworth or Myers Park")
        for (int k = 0; k + 1 < cands.size(); k++) {
            Candidate a = cands.get(k);
            Candidate b = cands.get(k + 1);
            boolean nationalPair = (a.kind == Kind.NATIONAL_WORD || b.kind == Kind.NATIONAL_WORD) && !a.lowerCase && !b.lowerCase
                    && a.kind != Kind.ZIP && b.kind != Kind.ZIP;
            // texting in lower case: two names of the national list joined by a list word ("frisco or little elm")
            boolean lowerCasePair = a.lowerCase && b.lowerCase;
            // ... through a list word, or a mark that only lists ("lehi / south jordan", "olathe + lenexa"), not a bare comma
            boolean joined = b.from > a.to || tk.get(a.to - 1).gap() == AreaTokens.Gap.LIST;
            if ((nationalPair || lowerCasePair) && listed(tk, a, b) && joined && !a.rejected && !b.rejected
                    && !stateCode(tk, a) && !stateCode(tk, b)) {
                a.accepted = true;
                b.accepted = true;
            }
            // a national name with its zip code: "Plano 75024", "katy 77494", "lees summit, 64081 64082"
            if (b.kind == Kind.ZIP && b.from == a.to && (tk.get(a.to - 1).joinsNext() || tk.get(a.to - 1).listsNext()) && !a.rejected
                    && (a.kind == Kind.NATIONAL_WORD || a.kind == Kind.NATIONAL_NAME || a.lowerCase)) {
                a.accepted = true;
            }
        }
        if (!cands.isEmpty()) {
            heading(tk, cands.get(0));
        }
        // a list shares the verdict of its known member, both ways: one pass forward, one back
        for (int k = 0; k + 1 < cands.size(); k++) {
            spread(tk, cands.get(k), cands.get(k + 1));
        }
        for (int k = cands.size() - 1; k > 0; k--) {
            spread(tk, cands.get(k), cands.get(k - 1));
        }
        List<Slot> out = new ArrayList<>();
        for (Candidate c : cands) {
            if (c.accepted && !c.rejected && street(tk, c)) {
                continue;
            }
            if (c.accepted && !c.rejected) {
                int start = tk.get(c.from).start();
                int end = tk.get(c.to - 1).end();
                out.add(new Slot(SlotName.AREA, text.span(start, end).replaceAll("\\s+", " "), start, end));
            }
        }
        return out;
    }

    private List<Candidate> candidates(String folded, List<AreaTokens.Token> tk, List<int[]> taken) {
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        while (i < tk.size()) {
            AreaTokens.Token t = tk.get(i);
            if (overlaps(taken, t.start(), t.end())) {
                i++;
                continue;
            }
            if (t.digits()) {
                if (t.key().length() == 5 && !moneyAround(folded, tk, i)) {
                    // a number not in the list may be a zip code newer than it: then it needs a cue ("zip 78799")
                    out.add(new Candidate(i, i + 1, places.zips().contains(t.key()) ? Kind.ZIP : Kind.UNLISTED, false));
                }
                i++;
                continue;
            }
            int m = free(tk, taken, i, market.longest(tk, i));
            if (m > 0) {
                out.add(new Candidate(i, i + m, Kind.MARKET, false));
                i += m;
                continue;
            }
            int n = free(tk, taken, i, places.names().longest(tk, i));
            // "south omaha", "East Bakersfield", "north Austin": a direction and the place it is part of, read as one name
            int d = directional(tk, taken, i, n);
            if (d > 0) {
                boolean marketName = free(tk, taken, i + 1, market.longest(tk, i + 1)) == d - 1;
                boolean capital = tk.get(i + 1).capitalised();
                out.add(new Candidate(i, i + d, marketName ? Kind.MARKET : t.capitalised() && capital ? Kind.NATIONAL_NAME
                        : capital ? Kind.NATIONAL_WORD : Kind.UNLISTED, !capital));
                i += d;
                continue;
            }
            // "german village", "tower grove", "hardin valley", "spanish springs": a name and a word that ends place names
            int c = suffixed(tk, taken, i, n);
            if (c > 0) {
                out.add(new Candidate(i, i + c, t.capitalised() ? Kind.NATIONAL_WORD : Kind.UNLISTED, !t.capitalised()));
                i += c;
                continue;
            }
            if (n <= 1 && places.breaks().contains(t.key())) {
                i++; // a month, a day, a pronoun that is also a town's name ("to Columbus in May"): not a place alone
                continue;
            }
            // a national name may hold a word that would break a run ("Land O Lakes")
            int run = t.capitalised() ? Math.max(n, capitalisedRun(tk, taken, i)) : 0;
            if (run > 0) {
                int end = trimmed(tk, i, i + run);
                boolean national = n == end - i;
                out.add(new Candidate(i, end, national ? (end - i > 1 ? Kind.NATIONAL_NAME : Kind.NATIONAL_WORD) : Kind.UNLISTED, false));
                i += run;
                continue;
            }
            // a name of two or more words may open with a break word: "la vista", "la vergne", "spanish springs", "el paso"
            if (n > 0 && !t.capitalised() && !(n == 1 && places.common().contains(t.key()))
                    && (!places.breaks().contains(t.key()) || n >= 2 && !t.key().equals("the") && !ARTICLE_PHRASES.contains(phrase(tk, i, n)))) {
                out.add(new Candidate(i, i + n, Kind.UNLISTED, true));
                i += n;
                continue;
            }
            i++;
        }
        return out;
    }

    /**
     * The words of "south omaha" (2) or "East Bakersfield" at {@code from}: a direction joined to a market or national name
     * that is not itself a longer name ("South Portland" is one already), else 0.
     */
    private int directional(List<AreaTokens.Token> tk, List<int[]> taken, int from, int national) {
        if (!DIRECTIONS.contains(tk.get(from).key()) || from + 1 >= tk.size() || !tk.get(from).joinsNext()
                || overlaps(taken, tk.get(from).start(), tk.get(from).end())) {
            return 0;
        }
        int name = Math.max(free(tk, taken, from + 1, market.longest(tk, from + 1)), free(tk, taken, from + 1, places.names().longest(tk, from + 1)));
        if (name == 0 || (name == 1 && !tk.get(from + 1).capitalised() && places.common().contains(tk.get(from + 1).key()))) {
            return 0;
        }
        return name + 1 > national ? name + 1 : 0;
    }

    /**
     * The words of "german village", "hardin valley" or "Hanover county" at {@code from}: one word that names (not a break word,
     * not a describing word, not a number) joined to a lower-case word that ends place names, when no longer national name
     * starts here; else 0.
     */
    private int suffixed(List<AreaTokens.Token> tk, List<int[]> taken, int from, int national) {
        AreaTokens.Token t = tk.get(from);
        if (national > 2 || from + 1 >= tk.size() || !t.joinsNext() || t.digits() || t.key().length() < 3
                || places.breaks().contains(t.key()) || NOT_A_NAME.contains(t.key()) || CUES.contains(t.key()) || CONNECTORS.contains(t.key())
                || PLACE_SUFFIXES.contains(t.key()) || HOME_WORDS.contains(t.key())) {
            return 0;
        }
        AreaTokens.Token next = tk.get(from + 1);
        if (!PLACE_SUFFIXES.contains(next.key()) || next.digits() || free(tk, taken, from, 2) == 0) {
            return 0;
        }
        // "the Kyrene district" is a school district by its name, read with its district word (districtFollows)
        if (t.capitalised() && next.key().equals("district")) {
            return 0;
        }
        // a capitalised pair ("Stetson Hills") is read as capitalised words already; this is for a lower-case suffix
        return t.capitalised() && next.capitalised() ? 0 : 2;
    }

    private static String phrase(List<AreaTokens.Token> tk, int from, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < from + n; k++) {
            b.append(k > from ? " " : "").append(tk.get(k).key());
        }
        return b.toString();
    }

    /** Capitalised words in a row (at most {@link PlaceNames#MAX_WORDS}), not starting or running into a break word. */
    private int capitalisedRun(List<AreaTokens.Token> tk, List<int[]> taken, int from) {
        int n = 0;
        while (from + n < tk.size() && n < PlaceNames.MAX_WORDS) {
            AreaTokens.Token t = tk.get(from + n);
            if (!t.capitalised() || t.digits() || places.breaks().contains(t.key()) || CUES.contains(t.key())
                    || overlaps(taken, t.start(), t.end()) || (n > 0 && market.longest(tk, from + n) > 0)) {
                break; // a market name starts a candidate of its own ("Love Cedar Park")
            }
            n++;
            if (!t.joinsNext()) {
                break;
            }
        }
        return n;
    }

    /** Drops a trailing state code ("Gilbert AZ") and school-district words ("Cherry Creek School District"). */
    private static int trimmed(List<AreaTokens.Token> tk, int from, int to) {
        int end = to;
        while (end - from > 1) {
            String k = tk.get(end - 1).key();
            boolean state = k.length() == 2 && STATES.contains(k) && tk.get(end - 1).end() - tk.get(end - 1).start() == 2;
            if (state || DISTRICT_WORDS.contains(k) || (k.equals("district") && end - from > 2 && tk.get(end - 2).key().startsWith("school"))) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static int free(List<AreaTokens.Token> tk, List<int[]> taken, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (overlaps(taken, tk.get(k).start(), tk.get(k).end())) {
                return 0;
            }
        }
        return n;
    }

    /** "in X", "near X", "cerca de X", "in the X area": the word(s) before the name introduce a place. */
    private static boolean cued(List<AreaTokens.Token> tk, int from, int to) {
        int p = from - 1;
        if (p >= 0 && tk.get(p).key().equals("the") && tk.get(p).joinsNext() && districtFollows(tk, to)) {
            p--;
        }
        if (p < 0 || !tk.get(p).joinsNext()) {
            return false;
        }
        String prev = tk.get(p).key();
        String head = p >= 1 && tk.get(p - 1).joinsNext() ? tk.get(p - 1).key() : "";
        if (CUES.contains(prev)) {
            // where the lead lives now is not where they look: "I live in Ohio", "vivo en Texas"
            return !RESIDENCE.contains(head);
        }
        if (prev.equals("at") && LOOKING.contains(head)) {
            return true; // "looking at Plano"
        }
        if (!(CUE_LINKS.contains(prev) && p >= 1 && tk.get(p - 1).joinsNext() && CUE_HEADS.contains(tk.get(p - 1).key()))) {
            return false;
        }
        if (HOME_HEADS.contains(tk.get(p - 1).key()) && !(prev.equals("de") || prev.equals("del"))) {
            return false;
        }
        // "la de Berwyn" introduces a name, "el de arriba" a word
        return !ONE_OF.contains(tk.get(p - 1).key()) || tk.get(from).capitalised();
    }

    private static boolean movedFromOrTo(List<AreaTokens.Token> tk, int from) {
        if (from == 0 || !tk.get(from - 1).joinsNext()) {
            return false;
        }
        String prev = tk.get(from - 1).key();
        return prev.equals("to") || prev.equals("from") || prev.equals("a") || prev.equals("de") || prev.equals("desde");
    }

    private static final Set<String> HOME_WORDS = Set.of("house", "home", "homes", "houses", "condo", "condos", "townhouse", "townhouses",
            "townhome", "townhomes", "listing", "listings", "one", "ones", "place", "property", "rental", "duplex",
            // a home by its style or event: "the Glastonbury colonial", "the Edmond open house", "that Papillion listing"
            "open", "colonial", "bungalow", "ranch", "craftsman", "cottage", "farmhouse", "victorian", "tudor", "cape", "lot", "build");
    /** What may stand before a place named for a home: "the Smyrna house", "our Edmond house", "my Gresham rental". */
    private static final Set<String> HOME_DETERMINERS = Set.of("the", "our", "my", "his", "her", "their", "that", "this", "those", "these");
    private static final Set<String> DEMONSTRATIVES = Set.of("that", "this", "those", "these");

    /** "the Smyrna house", "the Gilbert listings": a national name between "the" and a word for homes. */
    private static boolean homeNamedFor(List<AreaTokens.Token> tk, Candidate c) {
        // "that Papillion listing", but "that blue house" is a colour: a demonstrative introduces a capitalised name only
        String determiner = c.from > 0 ? tk.get(c.from - 1).key() : "";
        if (c.lowerCase && DEMONSTRATIVES.contains(determiner)) {
            return false;
        }
        return (c.kind == Kind.NATIONAL_WORD || c.lowerCase) && c.from > 0 && HOME_DETERMINERS.contains(tk.get(c.from - 1).key())
                && tk.get(c.from - 1).joinsNext()
                && c.to < tk.size() && tk.get(c.to - 1).joinsNext() && HOME_WORDS.contains(tk.get(c.to).key());
    }

    /** "2314 Maple Creek Dr, Apex": the town written after a street address. */
    private static boolean afterAddress(List<AreaTokens.Token> tk, Candidate c, List<int[]> taken) {
        if (c.kind == Kind.UNLISTED || c.from == 0) {
            return false;
        }
        AreaTokens.Token prev = tk.get(c.from - 1);
        return prev.listsNext() && overlaps(taken, prev.start(), prev.end());
    }

    /**
     * A national name that opens the message as its heading: the whole message ("Zionsville", the answer to
     * "which area?"), the first item of a list of criteria ("folsom, need an office", "Corrales, acreage, up to
     * 850", "lees summit, 64081") or the place of the homes named next ("broad ripple condo under 250"). Names
     * in no list, and words that open a message for another reason ("Cool, thanks", "Dale, call me"), are not.
     */
    private void heading(List<AreaTokens.Token> tk, Candidate c) {
        boolean national = c.kind == Kind.NATIONAL_WORD || c.kind == Kind.NATIONAL_NAME || c.lowerCase;
        if (c.from != 0 || c.accepted || c.rejected || !national || (c.to - c.from == 1 && places.common().contains(tk.get(0).key()))) {
            return;
        }
        AreaTokens.Token last = tk.get(c.to - 1);
        boolean alone = c.to == tk.size();
        boolean homesNext = c.to < tk.size() && last.joinsNext() && HOME_WORDS.contains(tk.get(c.to).key()) && !tk.get(c.to).key().equals("open");
        c.accepted = alone || last.listsNext() || homesNext;
    }

    /** "Kyrene schools", "Cherry Creek school district", "the Biltmore area". */
    private static boolean districtFollows(List<AreaTokens.Token> tk, int to) {
        if (to >= tk.size() || !tk.get(to - 1).joinsNext()) {
            return false;
        }
        String next = tk.get(to).key();
        return DISTRICT_WORDS.contains(next) || next.equals("district") || next.equals("neighborhood") || next.equals("neighbourhood");
    }

    /**
     * A negated cue: "ya no busco en Mesa", "stopped looking in Mesa", "not in Gilbert". A negation
     * elsewhere ("no, Round Rock is fine") leaves the place alone.
     */
    private static boolean negated(List<AreaTokens.Token> tk, int from) {
        int cue = from - 1;
        if (cue < 0 || !CUES.contains(tk.get(cue).key())) {
            return false;
        }
        for (int k = Math.max(0, cue - 3); k < cue; k++) {
            if (NEGATIONS.contains(tk.get(k).key()) && noBreakBetween(tk, k, from)) {
                return true;
            }
            if (STOPS.contains(tk.get(k).key()) && noBreakBetween(tk, k, from) && searchingAfter(tk, k + 1, cue)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> JOB_WORDS = Set.of("job", "jobs", "trabajo", "chamba", "jale", "position");

    /**
     * (eighteenth round: heldout-15, with h4-094, h5-001, h7-023, h7-334, h9-222, h12-430, h14-016, h14-109, f3-259, f3-260, f3-286,
     * f5-013, f5-061, f8-003, f8-452 label no AREA there; n007 alone does) where a job is, not an area: "got a job in Boise", "a job offer in
     * Denver", "mi husband got a job en Omaha", "trabajo en Houston".
     */
    private static boolean aJobThere(List<AreaTokens.Token> tk, int from) {
        int cue = from - 1;
        if (cue < 1 || !(tk.get(cue).key().equals("in") || tk.get(cue).key().equals("en"))) {
            return false;
        }
        int job = tk.get(cue - 1).key().equals("offer") && cue >= 2 ? cue - 2 : cue - 1;
        return JOB_WORDS.contains(tk.get(job).key()) && noBreakBetween(tk, job, from);
    }

    /**
     * (eighteenth round: heldout-15, with h7-258, h8-030, h11-263, f7-225, f8-347: no hand labels the place) a place where the lead owns
     * nothing: "I don't own a house in Chico", "i dont own anything in mesa".
     */
    private static boolean notOwnedThere(List<AreaTokens.Token> tk, int from) {
        int cue = from - 1;
        if (cue < 2 || !CUES.contains(tk.get(cue).key())) {
            return false;
        }
        for (int k = Math.max(1, cue - 3); k < cue; k++) {
            if (tk.get(k).key().equals("own") && NEGATIONS.contains(tk.get(k - 1).key()) && noBreakBetween(tk, k - 1, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean searchingAfter(List<AreaTokens.Token> tk, int from, int to) {
        for (int k = from; k < to; k++) {
            if (SEARCHING.contains(tk.get(k).key())) {
                return true;
            }
        }
        return false;
    }

    /** Whether two candidates are members of one list: only commas and list words between them. */
    private static boolean listed(List<AreaTokens.Token> tk, Candidate a, Candidate b) {
        Candidate first = a.from < b.from ? a : b;
        Candidate second = a.from < b.from ? b : a;
        if (second.from - first.to > 2 || !noBreakBetween(tk, first.to - 1, second.from)) {
            return false;
        }
        boolean comma = tk.get(first.to - 1).listsNext();
        for (int k = first.to; k < second.from; k++) {
            // "fort mill sc or tega cay": a state code written after the first name
            String key = tk.get(k).key();
            boolean state = k == first.to && STATES.contains(key) && !CONNECTORS.contains(key)
                    && tk.get(k).end() - tk.get(k).start() == 2;
            if (state) {
                comma = comma || tk.get(k).listsNext();
                continue;
            }
            if (!CONNECTORS.contains(key)) {
                return false;
            }
            comma = true;
        }
        return comma;
    }

    private static void spread(List<AreaTokens.Token> tk, Candidate known, Candidate other) {
        boolean wordBetween = known.from < other.from ? other.from > known.to : known.from > other.to;
        Candidate first = known.from < other.from ? known : other;
        // a lower-case name joins through a list word or mark, or a comma from another lower-case member ("roswell, milton, or cumming")
        boolean joins = !other.lowerCase || wordBetween || known.lowerCase || tk.get(first.to - 1).gap() == AreaTokens.Gap.LIST;
        if (known.accepted && !known.rejected && !other.accepted && !other.rejected && joins && !stateCode(tk, other) && listed(tk, known, other)) {
            other.accepted = true;
        }
    }

    /** A state code written after a town ("Katy, TX 77494", "Brandon, FL or Riverview"): not a place of its own. */
    private static boolean stateCode(List<AreaTokens.Token> tk, Candidate c) {
        AreaTokens.Token t = tk.get(c.from);
        return c.kind == Kind.UNLISTED && c.to - c.from == 1 && t.end() - t.start() == 2 && STATES.contains(t.key());
    }

    private static boolean noBreakBetween(List<AreaTokens.Token> tk, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tk.get(k).gap() == AreaTokens.Gap.BREAK) {
                return false;
            }
        }
        return true;
    }

    /** "$85,000", "30000 down", "45000 dollars": a five-digit amount, not a zip code. */
    private static boolean moneyAround(String folded, List<AreaTokens.Token> tk, int i) {
        AreaTokens.Token t = tk.get(i);
        if (t.start() > 0 && folded.charAt(t.start() - 1) == '$') {
            return true;
        }
        if (i + 1 < tk.size() && t.gap() != AreaTokens.Gap.BREAK && MONEY_AFTER.contains(tk.get(i + 1).key())) {
            return true;
        }
        AreaTokens.Token prev = i > 0 ? tk.get(i - 1) : null;
        // "$1,30000" is not written, but "32789/32792" and "32789,32792" are lists of zips: only a group of 1-3 digits before a comma
        return prev != null && prev.digits() && prev.end() - prev.start() <= 3 && prev.end() + 1 == t.start() && folded.charAt(prev.end()) == ',';
    }

    private static Map<String, Set<String>> sections(List<String> lines) {
        Map<String, Set<String>> out = new HashMap<>();
        String section = "";
        for (String line : lines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            for (String w : line.split("\\s+")) {
                out.computeIfAbsent(section, s -> new HashSet<>()).add(w.replace("'", ""));
            }
        }
        out.replaceAll((k, v) -> Set.copyOf(v));
        return out;
    }

    /** Whether a candidate other than a market name or a zip is a street ({@link #STREET_FIRST}). */
    private static boolean street(List<AreaTokens.Token> tk, Candidate c) {
        if (c.kind == Kind.MARKET || c.kind == Kind.ZIP) {
            return false;
        }
        boolean numbered = c.to < tk.size() && tk.get(c.to).digits();
        return STREET_FIRST.contains(tk.get(c.from).key()) && (numbered || c.to - c.from == 1);
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }
}
