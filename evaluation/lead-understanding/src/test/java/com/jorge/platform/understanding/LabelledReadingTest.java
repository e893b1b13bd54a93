package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate.sh --corpus FILE --agreement OTHER}: a second hand's labels scored as the understander is. */
class LabelledReadingTest {

    private static final String FIRST = """
            {"id": "a", "text": "stop texting me", "lang": "en", "slots": [], "intents": ["OPT_OUT"], "optOut": true}
            {"id": "b", "text": "3 bed in Round Rock", "lang": "en", "slots": [["BEDROOMS", "3"], ["AREA", "Round Rock"]], "intents": ["BUYING"], "optOut": false}
            {"id": "c", "text": "ok", "lang": "en", "side": "SELLER", "slots": [], "intents": ["AFFIRMATIVE"], "optOut": false}
            {"id": "d", "text": "ok", "lang": "en", "slots": [], "intents": ["AFFIRMATIVE"], "optOut": false}
            """;

    @TempDir
    Path dir;

    @Test
    void aLabellingAgreesWithItselfCompletely() throws IOException {
        List<LabelledMessage> first = load("first.jsonl", FIRST);
        assertThat(CorpusEvaluation.evaluate(new LabelledReading(first), first).summaryLine())
                .isEqualTo("slotF1=1.000 intentAccuracy=1.000 optOutRecall=1.000 falseOptOuts=0");
    }

    @Test
    void whereTheHandsDifferIsScoredAsTheUnderstandersMissesAre() throws IOException {
        // the second hand reads no opt-out in "stop texting me", an extra area, and the unknown side's "ok" as OTHER;
        // its ids and order differ: messages are matched by text and side
        List<LabelledMessage> second = load("second.jsonl", """
                {"id": "x4", "text": "ok", "lang": "en", "slots": [], "intents": ["OTHER"], "optOut": false}
                {"id": "x2", "text": "3 bed in Round Rock", "lang": "en", "slots": [["BEDROOMS", "3"], ["AREA", "Round Rock"], ["AREA", "Rock"]], "intents": ["BUYING"], "optOut": false}
                {"id": "x1", "text": "stop texting me", "lang": "en", "slots": [], "intents": ["ANGRY"], "optOut": false}
                {"id": "x3", "text": "ok", "lang": "en", "side": "SELLER", "slots": [], "intents": ["AFFIRMATIVE"], "optOut": false}
                """);
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(new LabelledReading(second), load("first.jsonl", FIRST));
        // slots: 2 agreed, 1 extra: P 2/3, R 1, F1 0.8; intents: b and c agree
        assertThat(report.summaryLine()).isEqualTo("slotF1=0.800 intentAccuracy=0.500 optOutRecall=0.000 falseOptOuts=0");
        assertThat(report.misses()).extracting(miss -> miss.message().id()).containsExactly("a", "b", "d");
    }

    @Test
    void aMessageTheSecondLabellingLacksFailsWithoutQuotingIt() throws IOException {
        List<LabelledMessage> second = load("second.jsonl", """
                {"id": "a", "text": "stop texting me", "lang": "en", "slots": [], "intents": ["OPT_OUT"], "optOut": true}
                """);
        assertThatThrownBy(() -> CorpusEvaluation.evaluate(new LabelledReading(second), load("first.jsonl", FIRST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no message with this text")
                .hasMessageNotContaining("Round Rock");
    }

    private List<LabelledMessage> load(String name, String jsonl) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, jsonl);
        return LabelledMessage.load(file);
    }
}
