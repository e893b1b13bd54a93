package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * A message cut into words for place reading, in one pass: letters and digits with apostrophes
 * inside a word; every other character separates. Each token remembers whether it was written
 * capitalised and what separates it from the next word (only spaces, a comma, or a sentence break).
 */
record AreaTokens(List<Token> tokens) {

    /**
     * Separator kinds between a token and the next: LIST is a mark that only ever joins list members
     * ("/", "+", "&amp;"), COMMA any other mark inside a sentence.
     */
    enum Gap { SPACE, COMMA, LIST, BREAK, END }

    record Token(int start, int end, String key, boolean capitalised, boolean digits, Gap gap) {
        /** Whether a multi-word name may continue into the next token (spaces only, or a period as in "St. Pete"). */
        boolean joinsNext() {
            return gap == Gap.SPACE;
        }

        /** Whether a comma or a list mark follows: the next word may be the next member of a list. */
        boolean listsNext() {
            return gap == Gap.COMMA || gap == Gap.LIST;
        }
    }

    static AreaTokens of(FoldedText text) {
        String o = text.original();
        String f = text.folded();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = f.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(f.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(f.charAt(i))
                    || (f.charAt(i) == '\'' && i + 1 < n && Character.isLetter(f.charAt(i + 1)) && i > start))) {
                i++;
            }
            spans.add(new int[] {start, i});
        }
        List<Token> tokens = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            int s = spans.get(k)[0];
            int e = spans.get(k)[1];
            Gap gap = k + 1 < spans.size() ? gap(f, e, spans.get(k + 1)[0], f.substring(s, e)) : Gap.END;
            String word = f.substring(s, e);
            tokens.add(new Token(s, e, word.replace("'", ""), Character.isUpperCase(o.charAt(s)), isDigits(word), gap));
        }
        return new AreaTokens(List.copyOf(tokens));
    }

    private static Gap gap(String f, int from, int to, String word) {
        Gap g = Gap.SPACE;
        for (int i = from; i < to; i++) {
            char c = f.charAt(i);
            if (c == '.' && word.length() <= 3 && to - from <= 2 && !isDigits(word)) {
                continue; // "St. Pete", "Mt. Juliet": an abbreviation's period joins
            }
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':' || c == '(' || c == ')') {
                return Gap.BREAK;
            }
            if (c == '-') {
                continue; // "Winston-Salem" is one name
            }
            if (c == '/' || c == '&' || c == '+') {
                g = Gap.LIST;
            } else if (!Character.isWhitespace(c)) {
                g = g == Gap.SPACE ? Gap.COMMA : g;
            }
        }
        return g;
    }

    private static boolean isDigits(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return !w.isEmpty();
    }
}
