package com.jorge.platform.observability;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data that libraries copy into exception messages before they reach a log line:
 * PostgreSQL's error details (the key and row values of a violated constraint, the input that failed
 * to parse, a batch's statement with its parameters), Jackson's and java.time's quotes of the input
 * they could not read, then any e-mail address and phone number left (masked as {@link PiiMask} does).
 * What an operator needs stays: the error's wording, column and constraint names, SQLState, positions.
 * Every pattern is linear in the text.
 */
public final class LogScrubber {

    /** Shown where a value was removed. */
    public static final String REMOVED = "…";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // PostgreSQL: "Detail: Key (phone)=(+15125550123) already exists." keeps the columns, drops the values
            new Rule(Pattern.compile("(?m)(Detail: Key \\([^)\\n]*+\\)=)\\(.*$"), "$1(" + REMOVED + ")"),
            // any other detail ("Failing row contains (...)", "Token \"...\" is invalid") and context lines quote data
            new Rule(Pattern.compile("(?m)((?:Detail|Where|Internal Query): )(?!Key \\()[^\\n]*+"), "$1" + REMOVED),
            // "invalid input syntax for type uuid: \"...\"", "date/time field value out of range: \"...\""
            // (the wording before the value is short: bounding it keeps the search linear)
            new Rule(Pattern.compile("(?m)(ERROR: [^\\n]{0,300}?): \"[^\\n]*+$"), "$1: \"" + REMOVED + "\""),
            // Jackson: "token 'Maria'", "from String \"...\"", "String value ('...')"; java.time: "Text '...' could not be parsed"
            new Rule(Pattern.compile("(token|Text) '[^'\\n]*+'"), "$1 '" + REMOVED + "'"),
            new Rule(Pattern.compile("(from String|For input string:) \"[^\"\\n]*+\""), "$1 \"" + REMOVED + "\""),
            new Rule(Pattern.compile("(String value) \\('[^\\n]*+"), "$1 ('" + REMOVED + "')"),
            new Rule(Pattern.compile("(?<![\\w.+-])[\\w.%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++"), "<email>"));

    /** A phone number in any usual writing: +1 512 555 0123, (512) 555-0123, 512.555.0123, +44 20 7946 0958. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])?\\d{3,4}[ .-]?\\d{4}(?![\\w-])|(?<![\\w+-])\\+?\\d{10,15}(?![\\w-])");

    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry \\d++ ");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: ");

    private LogScrubber() {}

    /** The text with personal data removed; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // pgjdbc prints a failed batch entry's statement with its parameters filled in
        String out = removeBetween(text, BATCH_ENTRY, " was aborted");
        // Jackson with INCLUDE_SOURCE_IN_LOCATION: "[Source: (String)\"{...}\"; line: 1, column: 9]"
        out = removeBetween(out, SOURCE, "; line: ");
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        Matcher phone = PHONE.matcher(out);
        return phone.replaceAll(m -> Matcher.quoteReplacement(maskPhone(m.group())));
    }

    /**
     * Replaces what lies between each match of {@code start} and the next {@code end} with
     * {@link #REMOVED}. A scan, not a lazy {@code .*?}: each character is read a bounded number of
     * times however many starts lack an end.
     */
    private static String removeBetween(String text, Pattern start, String end) {
        Matcher m = start.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int close = text.indexOf(end, m.end());
            if (close < 0) {
                break; // no later start can have an end either
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, m.end()).append(REMOVED);
            copied = close;
            from = close + end.length();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String maskPhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 10 ? PiiMask.phone(candidate) : candidate;
    }
}
