package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationArgumentsTest {

    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/combined_windows.json"), "{}");
        return dir;
    }

    @Test
    void readsDataLabelsSeriesAndSettingsInBothSpellings() throws IOException {
        Path data = corpus();
        Path other = Files.writeString(dir.resolve("other.json"), "{}");
        Path series = Files.writeString(dir.resolve("series.txt"), "a/b.csv\n");
        EvaluationArguments a = EvaluationArguments.parse(List.of("--data", data.toString(), "--labels=" + other,
                "--series", series.toString(), "--set", "spikeZ=5", "--set=window=96", "--ramps"), null);
        assertThat(a.data()).isEqualTo(data);
        assertThat(a.labels()).isEqualTo(other);
        assertThat(a.series()).contains(series);
        assertThat(a.settings()).isEqualTo(Map.of("spikeZ", "5", "window", "96"));
        assertThat(a.calibration()).isFalse();
        assertThat(EvaluationArguments.parse(List.of("--data", data.toString(), "--calibration"), null).calibration()).isTrue();
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data.toString(), "--calibration=yes"), null))
                .hasMessageContaining("--calibration takes no value");
        assertThat(a.ramps()).isTrue();
    }

    @Test
    void theLabelsDefaultToTheCorpusWindowsAndTheDataToTheGivenFolder() throws IOException {
        Path data = corpus();
        EvaluationArguments a = EvaluationArguments.parse(List.of(), data);
        assertThat(a.labels()).isEqualTo(data.resolve("labels/combined_windows.json"));
        assertThat(a.series()).isEmpty();
        assertThat(a.ramps()).isFalse();
    }

    @Test
    void refusesWhatItDoesNotUnderstand() throws IOException {
        String data = corpus().toString();
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--label", "x"), null))
                .isInstanceOf(EvaluationArguments.ArgumentsException.class).hasMessageContaining("unknown argument '--label'");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "confirmations=1"), null))
                .hasMessageContaining("unknown argument 'confirmations=1'");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data"), null)).hasMessageContaining("--data needs a value");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--data", data), null)).hasMessageContaining("given twice");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--set", "x"), null)).hasMessageContaining("name=value");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--set", "a=1", "--set", "a=2"), null))
                .hasMessageContaining("'a' given twice");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--ramps=yes"), null)).hasMessageContaining("no value");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of(), null)).hasMessageContaining("--data DIR is required");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", dir.resolve("nowhere").toString()), null))
                .hasMessageContaining("no data/ folder");
        assertThatThrownBy(() -> EvaluationArguments.parse(List.of("--data", data, "--labels", "missing.json"), null))
                .hasMessageContaining("missing.json: no such file");
    }

    @Test
    void theCommandExitsTwoWithTheMessageForAnArgumentOrSettingItDoesNotKnow() throws IOException {
        String data = corpus().toString();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(NabEvaluation.evaluate(List.of("--data", data, "--bogus"), null, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--bogus'").contains("usage: evaluate.sh");
        err.reset();
        assertThat(NabEvaluation.evaluate(List.of("--data", data, "--set", "noSuchSetting=1"), null, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("noSuchSetting");
    }
}
