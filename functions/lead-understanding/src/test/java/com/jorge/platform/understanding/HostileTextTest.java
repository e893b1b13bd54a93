package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader that runs a regex over lead text, fed long, repetitive and adversarial text: none may
 * throw (a StackOverflowError wedged a lead once) or take time that grows faster than the text. The
 * limits are generous on purpose: they catch exponential time and deep recursion, not slowness.
 */
class HostileTextTest {

    private static final int LONG = 100_000;
    private static final Duration PER_READER = Duration.ofSeconds(10);

    static Map<String, String> hostileTexts(int length) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("one letter", "a".repeat(length));
        texts.put("one letter then bang", "a".repeat(length - 1) + "!");
        texts.put("one letter then x", "a".repeat(length - 1) + "x");
        texts.put("one word", repeat("stop ", length));
        texts.put("time words", repeat("morning at 5 or ", length));
        texts.put("time words then x", repeat("am ", length - 1) + "x");
        texts.put("one digit run", "9".repeat(length));
        texts.put("digits and separators", repeat("1,2.3:4/5-6 ", length));
        texts.put("nested digits", repeat("1,000,", length));
        texts.put("many spaces", "stop" + " ".repeat(length - 8) + "now!");
        texts.put("alternating", repeat("ab", length));
        texts.put("alternating punctuation", repeat("a.", length));
        texts.put("email-like", repeat("a.", length - 1) + "@");
        texts.put("capitalised words", repeat("Maria Lopez ", length));
        texts.put("street-like", repeat("12 Oak ", length));
        texts.put("lender-like", repeat("with The Bank ", length));
        texts.put("spanish", repeat("no me escriban mas por favor ", length));
        texts.put("negations", repeat("don't ", length - 15) + "stop texting me");
        texts.put("zero-width and full-width", repeat("S\u200bTOP ＳＴＯＰ ", length));
        return texts;
    }

    private static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    static Stream<Arguments> readers() {
        Map<String, Consumer<FoldedText>> readers = new LinkedHashMap<>();
        Lexicon lexicon = Lexicon.load("/understanding/lexicon.txt");
        KeywordSlotReader keywords = new KeywordSlotReader(lexicon);
        IntentReader intents = new IntentReader(lexicon);
        AreaReader areas = AreaReader.load("/understanding/areas-austin.txt");
        ContactDetailsReader contact = new ContactDetailsReader();
        PropertyDetailsReader property = new PropertyDetailsReader();
        readers.put("opt-out", new OptOutDetector()::isOptOut);
        readers.put("language", new LanguageGuess()::guess);
        readers.put("phone", contact::phoneSpans);
        readers.put("email", contact::email);
        readers.put("name", contact::name);
        readers.put("address", property::addresses);
        readers.put("lender", property::lender);
        readers.put("rooms", new RoomCountReader()::read);
        readers.put("keywords", t -> keywords.read(t, List.of()));
        readers.put("money", t -> new MoneyReader().read(t, false, new ArrayList<>()));
        readers.put("timeline", t -> new TimelineReader().read(t, LocalDate.of(2026, 1, 1), new ArrayList<>()));
        readers.put("contact time", new ContactTimeReader()::read);
        readers.put("areas", t -> areas.read(t, List.of()));
        readers.put("intent cues", t -> {
            for (Intent intent : Intent.values()) {
                intents.cued(intent, t.folded());
            }
        });
        readers.put("intents", t -> intents.read(t, List.of(), false, LeadSide.UNKNOWN, Set.of()));
        List<Arguments> out = new ArrayList<>();
        readers.forEach((name, reader) -> out.add(Arguments.of(name, reader)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void eachReaderSurvivesLongAndAdversarialText(String name, Consumer<FoldedText> reader) {
        hostileTexts(LONG).forEach((kind, text) -> {
            FoldedText folded = FoldedText.of(text);
            assertTimeoutPreemptively(PER_READER, () -> reader.accept(folded), () -> name + " on " + kind);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("understanders")
    void theWholeUnderstanderAnswersEveryHostileTextUpToItsLimit(String name, LeadMessageUnderstander understander) {
        hostileTexts(LeadMessageUnderstander.MAX_TEXT_LENGTH).forEach((kind, text) -> {
            for (LeadSide side : LeadSide.values()) {
                MessageUnderstanding m = assertTimeoutPreemptively(PER_READER, () -> understander.understand(text, side), () -> kind);
                assertThat(m).as(kind).isNotNull();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("understanders")
    void textOverTheLimitIsAClearErrorNotACrash(String name, LeadMessageUnderstander understander) {
        hostileTexts(LONG).forEach((kind, text) -> assertTimeoutPreemptively(PER_READER, () ->
                assertThatThrownBy(() -> understander.understand(text, LeadSide.UNKNOWN))
                        .as(kind)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(String.valueOf(LeadMessageUnderstander.MAX_TEXT_LENGTH))));
    }

    static Stream<Arguments> understanders() {
        return Stream.of(Arguments.of("patterns only", SharedUnderstander.PATTERNS_ONLY), Arguments.of("with model", SharedUnderstander.WITH_MODEL));
    }
}
