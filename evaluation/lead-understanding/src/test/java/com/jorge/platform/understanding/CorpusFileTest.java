package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate.sh --corpus FILE}: any file in the corpus format, scored to the one summary line. */
class CorpusFileTest {

    @TempDir
    Path dir;

    @Test
    void aCorpusFileIsScoredToTheSummaryLine() throws IOException {
        Path file = dir.resolve("mine.jsonl");
        Files.writeString(file, """
                {"id": "a", "text": "stop texting me", "lang": "en", "slots": [], "intents": ["OPT_OUT"], "optOut": true}

                {"id": "b", "text": "3 bed in Round Rock", "lang": "en", "slots": [["BEDROOMS", "3"], ["AREA", "Round Rock"]], "intents": ["BUYING"], "optOut": false}
                {"id": "c", "text": "hi", "lang": "en", "slots": [["NAME", "Zed"]], "intents": ["GREETING"], "optOut": false}
                """);
        List<LabelledMessage> messages = LabelledMessage.load(file);
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(
                LeadMessageUnderstander.patternsOnly(EvaluateCorpus.CORPUS_CLOCK), messages);
        // 2 of 3 expected slots found, none extra: P 1, R 2/3, F1 0.8
        assertThat(report.summaryLine()).isEqualTo("slotF1=0.800 intentAccuracy=1.000 optOutRecall=1.000 falseOptOuts=0");
    }

    @Test
    void aMalformedLineNamesTheFileLineAndField() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"id": "a", "text": "hi", "lang": "en", "slots": [], "intents": ["GREETING"], "optOut": false}
                {"id": "b", "text": "hi", "lang": "en", "slots": [], "optOut": false}
                """);
        assertThatThrownBy(() -> LabelledMessage.load(file)).hasMessageContaining("bad.jsonl:2").hasMessageContaining("'intents'");
        assertThatThrownBy(() -> LabelledMessage.load(dir.resolve("none.jsonl"))).hasMessageContaining("corpus file missing");
    }
}
