package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        return search(text).find();
    }

    /**
     * Each thread's matchers, one a branch, rebound to a text when a search of another text uses them:
     * creating them for every message was the understanding's largest allocation. A matcher's state lives
     * only between {@code region} and the read of its bounds inside {@link Search#find()}, so searches that
     * interleave on one thread stay correct.
     */
    private final class ThreadMatchers {
        final Matcher[] matchers = new Matcher[branches.length];
        final String[] boundTo = new String[branches.length];

        Matcher over(int branch, String text) {
            Matcher m = matchers[branch];
            if (m == null) {
                m = branches[branch].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[branch] = m;
                boundTo[branch] = text;
            } else if (boundTo[branch] != text) {
                m.reset(text);
                boundTo[branch] = text;
            }
            return m;
        }
    }

    private final ThreadLocal<ThreadMatchers> threadMatchers = ThreadLocal.withInitial(ThreadMatchers::new);

    /** Successive matches in one text, as {@link Matcher#find()} would find them. */
    final class Search {
        private final String text;
        private Matcher plain; // only when the pattern is not filtered
        private int from;
        private int start = -1;
        private int end = -1;

        private Search(String text) {
            this.text = text;
        }

        /** Moves to the next match; false when there is none. */
        boolean find() {
            if (branches == null) {
                if (plain == null) plain = pattern.matcher(text);
                boolean found = plain.find();
                start = found ? plain.start() : -1;
                end = found ? plain.end() : -1;
                return found;
            }
            ThreadMatchers matchers = threadMatchers.get();
            int n = text.length();
            for (int i = from; i < n; i++) {
                char c = text.charAt(i);
                for (int b : c < 128 ? branchesStartingWith[c] : branchesStartingNonAscii) {
                    Matcher m = matchers.over(b, text).region(i, n);
                    if (m.lookingAt()) {
                        start = i;
                        end = m.end();
                        from = end > i ? end : i + 1;
                        return true;
                    }
                }
            }
            from = n;
            start = end = -1;
            return false;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }
    }
}
