package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The start filter must change nothing but the time: for every lexicon regex, on texts built from the
 * lexicon's own words, punctuation, accents and emoji, it finds exactly the matches {@code find()} finds.
 */
class StartFilteredPatternTest {

    private static final int TEXTS = 1_500;

    @Test
    void findsExactlyWhatFindFindsForEveryLexiconRegexOnTextsMadeOfItsOwnWords() {
        List<StartFilteredPattern> patterns = lexiconRegexes().stream().map(r -> StartFilteredPattern.of(Pattern.compile(r))).toList();
        List<String> pieces = piecesOf(lexiconRegexes());
        Random random = new Random(20261205);
        long compared = 0;
        for (int i = 0; i < TEXTS; i++) {
            String text = text(random, pieces);
            for (StartFilteredPattern p : patterns) {
                assertThat(all(p, text)).as("/%s/ on \"%s\"", p.pattern().pattern(), text).isEqualTo(plain(p.pattern(), text));
                compared++;
            }
        }
        assertThat(compared).isEqualTo((long) TEXTS * patterns.size());
    }

    @Test
    void everyLexiconRegexIsFiltered() {
        // a rule written with syntax MatchStarts does not read still works, only slower: this says which
        for (String regex : lexiconRegexes()) {
            assertThat(StartFilteredPattern.of(Pattern.compile(regex)).filtered()).as(regex).isTrue();
        }
    }

    @Test
    void startCharactersAreTheFirstSetOfTheExpression() {
        assertThat(starts("\\bfoo|\\bbar")).isEqualTo("bf");
        assertThat(starts("(?<!just )\\blookin\\b")).isEqualTo("l");
        assertThat(starts("^\\s*(no+|nah)\\W")).isEqualTo("\t\n\u000B\f\r n");
        assertThat(starts("x?y")).isEqualTo("xy");
        assertThat(starts("(a|b)?(c*)d")).isEqualTo("abcd");
        assertThat(starts("[a-c\\d]z")).isEqualTo("0123456789abc");
        assertThat(starts("[-.]x")).isEqualTo("-.");
        assertThat(starts("\\$\\d")).isEqualTo("$");
        assertThat(starts("a{0,2}b")).isEqualTo("ab");
        assertThat(starts("a{2}b")).isEqualTo("a");
        assertThat(MatchStarts.of("[^a]b").orElseThrow().canStartWith('a')).isTrue();
        assertThat(MatchStarts.of("s[ií]").orElseThrow().canStartWith('í')).isFalse();
        assertThat(MatchStarts.of("[ií]").orElseThrow().canStartWith('í')).isTrue();
    }

    @Test
    void searchesOfTwoTextsInterleavedOnOneThreadEachFindTheirOwnMatches() {
        StartFilteredPattern p = StartFilteredPattern.of(Pattern.compile("\\bnew\\b|\\broof"));
        StartFilteredPattern.Search a = p.search("new roof, new roof");
        StartFilteredPattern.Search b = p.search("a roof and a new one");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (a.find()) seen.add("a" + a.start());
            if (b.find()) seen.add("b" + b.start());
        }
        assertThat(seen).containsExactly("a0", "b2", "a4", "b13", "a10", "a14");
    }

    @Test
    void splitsOnlyTheTopLevelAlternation() {
        assertThat(MatchStarts.branches("\\ba|b(c|d)|[|]x|\\|y")).contains(List.of("\\ba", "b(c|d)", "[|]x", "\\|y"));
        assertThat(MatchStarts.branches("a)b")).isEmpty();
    }

    @Test
    void theFirstBranchInOrderWinsAtTheLeftmostPosition() {
        StartFilteredPattern p = StartFilteredPattern.of(Pattern.compile("\\bnew\\b|\\bnew roof|\\broof"));
        assertThat(p.filtered()).isTrue();
        assertThat(all(p, "a new roof")).containsExactly("2-5", "6-10");
    }

    @Test
    void givesNoAnswerForWhatItCannotReadOrForAnEmptyMatch() {
        for (String regex : List.of("a*", "(?i)stop", "(?<name>a)b", "\\p{L}x", "(a)\\1", "[a[b]]c", "[a&&b]c", "\\bx?")) {
            assertThat(MatchStarts.of(regex)).as(regex).isEmpty();
        }
        assertThat(StartFilteredPattern.of(Pattern.compile("stop", Pattern.CASE_INSENSITIVE)).filtered()).isFalse();
    }

    @Test
    void anUnfilteredPatternStillFindsEveryMatch() {
        StartFilteredPattern p = StartFilteredPattern.of(Pattern.compile("(?i)ab"));
        assertThat(p.filtered()).isFalse();
        assertThat(all(p, "xab aAb b")).containsExactly("1-3", "5-7");
    }

    @Test
    void wordBoundariesAndLookBehindsSeeTheTextBeforeACandidate() {
        StartFilteredPattern p = StartFilteredPattern.of(Pattern.compile("(?<!just )\\blook(ing)?\\b"));
        assertThat(all(p, "just looking, not just look; looking")).containsExactly("29-36");
        assertThat(all(StartFilteredPattern.of(Pattern.compile("\\bown\\b")), "unknown own")).containsExactly("8-11");
    }

    private static String starts(String regex) {
        MatchStarts starts = MatchStarts.of(regex).orElseThrow();
        StringBuilder out = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (starts.canStartWith(c)) out.append(c);
        }
        return out.toString();
    }

    private static List<String> all(StartFilteredPattern p, String text) {
        List<String> out = new ArrayList<>();
        StartFilteredPattern.Search search = p.search(text);
        while (search.find()) out.add(search.start() + "-" + search.end());
        return out;
    }

    private static List<String> plain(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.start() + "-" + m.end());
        return out;
    }

    private static String text(Random random, List<String> pieces) {
        String[] glue = {" ", " ", " ", ", ", ". ", "! ", "? ", "'", "-", "", "\n", " \u00e1 ", " \uD83D\uDC4D "};
        StringBuilder t = new StringBuilder();
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            t.append(pieces.get(random.nextInt(pieces.size()))).append(glue[random.nextInt(glue.length)]);
        }
        return t.toString();
    }

    /** Runs of letters, digits, spaces and apostrophes in the regexes: the words the rules look for. */
    private static List<String> piecesOf(List<String> regexes) {
        List<String> pieces = new ArrayList<>();
        Matcher m = Pattern.compile("[a-z0-9' ]{2,}").matcher(String.join("|", regexes));
        while (m.find()) pieces.add(m.group().strip());
        pieces.removeIf(String::isEmpty);
        pieces.addAll(List.of("just", "only", "im", "i'm", "not", "no", "si", "s", "a", "de", "la", "1", "450k", "$"));
        return pieces;
    }

    private static List<String> lexiconRegexes() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                StartFilteredPatternTest.class.getResourceAsStream("/understanding/lexicon.txt"), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.substring(l.indexOf(" => ") + 4).trim()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
