package com.jorge.platform.understanding;

import java.util.List;

/**
 * Whether a text is made only of given words, clock times ("5", "5:30") and separators (white space
 * and ASCII punctuation), with words allowed to touch ("10am"). A word-break scan over positions:
 * each position is visited once and tries each word once, so time is linear in the text and the
 * stack stays flat whatever the text holds.
 */
final class TimeWordsAnswer {

    private final List<String> words;

    TimeWordsAnswer(List<String> words) {
        this.words = List.copyOf(words);
    }

    boolean matches(String t) {
        int n = t.length();
        // reachable[i]: the text before i is words and separators, and a word may start at i
        boolean[] reachable = new boolean[n + 1];
        int first = skipSeparators(t, 0);
        if (first == n) {
            return false; // at least one word
        }
        reachable[first] = true;
        for (int i = first; i < n; i++) {
            if (!reachable[i]) {
                continue;
            }
            for (String w : words) {
                if (t.startsWith(w, i) && wordEnds(t, i + w.length(), reachable)) {
                    return true;
                }
            }
            if (isDigit(t, i)) {
                int end = isDigit(t, i + 1) ? i + 2 : i + 1;
                for (int e = i + 1; e <= end; e++) {
                    if (wordEnds(t, e, reachable)) {
                        return true;
                    }
                    if (e < n && t.charAt(e) == ':' && isDigit(t, e + 1) && isDigit(t, e + 2) && wordEnds(t, e + 3, reachable)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Marks where the next word may start after a word ending at {@code end}; true when that is the end of the text. */
    private static boolean wordEnds(String t, int end, boolean[] reachable) {
        int next = skipSeparators(t, end);
        if (next == t.length()) {
            return true;
        }
        reachable[next] = true;
        return false;
    }

    private static int skipSeparators(String t, int from) {
        int i = from;
        while (i < t.length() && isSeparator(t.charAt(i))) {
            i++;
        }
        return i;
    }

    /** As the regex's {@code [\s\p{Punct}]}: ASCII white space and punctuation. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || (c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c));
    }

    private static boolean isDigit(String t, int i) {
        return i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9';
    }
}
