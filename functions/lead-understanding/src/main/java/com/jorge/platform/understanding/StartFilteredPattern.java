package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexicon regex searched only where a match can begin. The lexicon's rules are wide alternations
 * ({@code \bword|\bother...}) run over every message, and {@link Matcher#find()} tries every branch at
 * every position: that was most of the understanding's CPU (perf/webhook-path's JFR profile). Here each
 * top-level branch is its own pattern with the characters its matches can begin with
 * ({@link MatchStarts}), and at each position only the branches that can begin with its character are
 * tried, in their order in the regex.
 *
 * <p>The answers are exactly {@code find()}'s: the leftmost position where a branch matches, and there the
 * first branch in order (an alternation at the top of a regex has nothing after it to backtrack into).
 * Each branch runs with transparent bounds, so word boundaries and look-behinds still see the text before
 * the position. A regex {@link MatchStarts} cannot read, or one that can match the empty string, is
 * searched with plain {@code find()}.
 */
final class StartFilteredPattern {

    private static final int[] NONE = new int[0];

    private final Pattern pattern;
    private final Pattern[] branches; // null: searched with plain find()
    private final int[][] branchesStartingWith; // per ASCII character, the branches that can start with it, in order
    private final int[] branchesStartingNonAscii;

    private StartFilteredPattern(Pattern pattern, Pattern[] branches, int[][] byChar, int[] nonAscii) {
        this.pattern = pattern;
        this.branches = branches;
        this.branchesStartingWith = byChar;
        this.branchesStartingNonAscii = nonAscii;
    }

    static StartFilteredPattern of(Pattern pattern) {
        Optional<List<String>> split = pattern.flags() == 0 ? MatchStarts.branches(pattern.pattern()) : Optional.empty();
        if (split.isEmpty()) {
            return new StartFilteredPattern(pattern, null, null, null);
        }
        List<String> sources = split.get();
        List<MatchStarts> starts = new ArrayList<>();
        for (String branch : sources) {
            Optional<MatchStarts> s = MatchStarts.of(branch);
            if (s.isEmpty()) {
                return new StartFilteredPattern(pattern, null, null, null);
            }
            starts.add(s.get());
        }
        Pattern[] branches = sources.stream().map(Pattern::compile).toArray(Pattern[]::new);
        int[][] byChar = new int[128][];
        for (char c = 0; c < 128; c++) {
            byChar[c] = indices(starts, c, false);
        }
        return new StartFilteredPattern(pattern, branches, byChar, indices(starts, '\0', true));
    }

    private static int[] indices(List<MatchStarts> starts, char c, boolean nonAscii) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            if (nonAscii ? starts.get(i).canStartNonAscii() : starts.get(i).canStartWith(c)) out.add(i);
        }
        return out.isEmpty() ? NONE : out.stream().mapToInt(Integer::intValue).toArray();
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether the search skips positions (false where the regex's start characters are not known). */
    boolean filtered() {
        return branches != null;
    }

    /** A searcher over {@code text}, positioned at its start. */
    Search search(String text) {
        return new Search(text);
    }

    boolean foundIn(String text) {
        return search(text).next() != null;
    }

    /** Successive matches in one text, as {@link Matcher#find()} would return them. */
    final class Search {
        private final String text;
        private final Matcher[] matchers;
        private int from;

        private Search(String text) {
            this.text = text;
            this.matchers = new Matcher[branches == null ? 1 : branches.length];
        }

        /** The next match, or null when there is none. */
        MatchResult next() {
            if (branches == null) {
                if (matchers[0] == null) matchers[0] = pattern.matcher(text);
                return matchers[0].find() ? matchers[0].toMatchResult() : null;
            }
            int n = text.length();
            for (int i = from; i < n; i++) {
                char c = text.charAt(i);
                for (int b : c < 128 ? branchesStartingWith[c] : branchesStartingNonAscii) {
                    Matcher m = matcher(b).region(i, n);
                    if (m.lookingAt()) {
                        from = m.end() > i ? m.end() : i + 1;
                        return m.toMatchResult();
                    }
                }
            }
            from = n;
            return null;
        }

        private Matcher matcher(int branch) {
            Matcher m = matchers[branch];
            if (m == null) {
                m = branches[branch].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[branch] = m;
            }
            return m;
        }
    }
}
