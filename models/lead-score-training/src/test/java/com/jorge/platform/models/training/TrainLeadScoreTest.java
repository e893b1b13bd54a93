package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainLeadScoreTest {

    @Test
    void rejectsBadCommandLinesBeforeTraining() {
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--sorce", "bank"}))
                .hasMessage("unknown option --sorce");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--source", "s3"}))
                .hasMessageContaining("--source must be bank, aurora or simulated");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--source", "aurora"}))
                .hasMessageContaining("--jdbc-url is required");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--seed", "x"}))
                .hasMessageContaining("--seed must be a whole number");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--seed", "1", "--seed", "2"}))
                .hasMessageContaining("--seed given twice");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--version", "../../etc"}))
                .hasMessageContaining("--version must match");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--rounds", "0"}))
                .hasMessageContaining("invalid boosting parameters");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--seed"}))
                .hasMessageContaining("expected --option value");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--source", "aurora", "--jdbc-url", "jdbc:none:",
                "--features", "crm"})).hasMessageContaining("--features must be conversation or bank-marketing, was crm");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--features", "conversation"}))
                .hasMessageContaining("--features conversation needs --source aurora");
        assertThatThrownBy(() -> TrainLeadScore.run(new String[] {"--name", "../lead-score"}))
                .hasMessageContaining("--name must match");
    }

    @Test
    void nextVersionCountsUpFromNumericFolders(@TempDir Path out) throws Exception {
        assertThat(TrainLeadScore.nextVersion(out.resolve("missing"))).isEqualTo("1");
        Files.createDirectories(out.resolve("1"));
        Files.createDirectories(out.resolve("7"));
        Files.createDirectories(out.resolve("canary-x"));
        assertThat(TrainLeadScore.nextVersion(out)).isEqualTo("8");
    }
}
