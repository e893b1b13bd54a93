package com.jorge.platform.understanding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Punctuation a lead spoke into voice-to-text and got back as words (issue 13, fourteenth round: heldout-11 and
 * tuning-families-7, two hands): "selling moms house in Harrison period she went into the nursing home", "buscamos comprar en
 * 94601 comma entre 420 y 470 mil", "please stop question mark". Each spoken mark becomes its sign followed by spaces, so the
 * text keeps its length and every span read from it is a span of the message as sent.
 *
 * <p>A run of spaces is tried from its first space only, so the scan stays linear on hostile text. "period" stays a word where it names a span of time: after an article or a kind of period ("a period", "the grace period",
 * "option period", "30 day period") and before "of" ("period of time").
 */
final class DictatedPunctuation {

    private static final Pattern SPOKEN = Pattern.compile(
            "(?i)(?<!\\s)\\s+(question\\s+mark|exclamation\\s+(point|mark)|comma(?![\\p{L}\\p{N}])"
                    + "|(?<!\\b(?:a|an|the|this|that|each|every|same|grace|trial|waiting|time|short|long|option|inspection|notice|cooling|redemption"
                    + "|escrow|diligence|rental|holding|lease|lock|contingency|probate|review|day|days|week|month|year|\\d{1,3})\\s{1,3})period(?![\\p{L}\\p{N}])(?!\\s+of\\b))");

    private DictatedPunctuation() {
    }

    /** The text with each spoken mark written as its sign, padded with spaces to the same length. */
    static String apply(String text) {
        Matcher m = SPOKEN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            String word = m.group(1).toLowerCase(java.util.Locale.ROOT);
            char sign = word.startsWith("question") ? '?' : word.startsWith("exclamation") ? '!' : word.startsWith("comma") ? ',' : '.';
            out.append(text, last, m.start()).append(sign).append(" ".repeat(m.end() - m.start() - 1));
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }
}
