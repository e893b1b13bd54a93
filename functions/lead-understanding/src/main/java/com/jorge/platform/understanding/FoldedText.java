package com.jorge.platform.understanding;

import java.text.Normalizer;

/**
 * A message lower-cased with accents and curly quotes folded away, one character for one, so
 * that a match in {@link #folded()} is a span in {@link #original()} too. Patterns are written
 * against the folded form ("mas" matches "más", "Más" and "MAS").
 */
record FoldedText(String original, String folded) {

    static FoldedText of(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[i] = fold(text.charAt(i));
        }
        return new FoldedText(text, new String(out));
    }

    private static char fold(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u02bc', '`', '\u00b4' -> {
                return '\'';
            }
            case '\u201c', '\u201d' -> {
                return '"';
            }
            case '\u2013', '\u2014' -> {
                return '-';
            }
            case '\u00a0' -> {
                return ' ';
            }
            default -> {
            }
        }
        char lower = Character.toLowerCase(c);
        if (lower < 0x80 || Character.isSurrogate(lower)) {
            return lower;
        }
        String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return decomposed.length() > 1 && base < 0x80 ? base : lower;
    }

    String span(int start, int end) {
        return original.substring(start, end);
    }
}
