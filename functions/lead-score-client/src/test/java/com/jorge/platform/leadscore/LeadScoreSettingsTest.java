package com.jorge.platform.leadscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jorge.platform.config.PlatformConfig;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LeadScoreSettingsTest {

    @Test
    void onlyTheBucketIsRequiredAndTheRestHasDefaults() {
        LeadScoreSettings s = LeadScoreSettings.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "jorge-models"))).orElseThrow();
        assertThat(s).isEqualTo(new LeadScoreSettings("jorge-models", "models/", "conversation-lead-score", null,
                Duration.ofMillis(50)));
        LeadScoreClientSettings config = s.clientSettings();
        assertThat(config.hasTier()).isFalse();
        assertThat(config.model()).isEqualTo("conversation-lead-score");
        assertThat(config.attemptTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.retry()).isTrue();
    }

    @Test
    void everySettingIsRead() {
        LeadScoreSettings s = LeadScoreSettings.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", " jorge-models ", "MODEL_PREFIX", "registry/v2",
                "LEAD_SCORE_MODEL", "lead-score", "LEAD_SCORE_ENDPOINT", "http://inference.internal:8080/",
                "LEAD_SCORE_TIMEOUT_MS", "80"))).orElseThrow();
        assertThat(s).isEqualTo(new LeadScoreSettings("jorge-models", "registry/v2/", "lead-score",
                URI.create("http://inference.internal:8080/"), Duration.ofMillis(80)));
        assertThat(s.clientSettings().hasTier()).isTrue();
        assertThat(s.clientSettings().attemptTimeout()).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void withoutABucketThereIsNoModelAndNoS3ClientIsNeeded() {
        assertThat(LeadScoreSettings.fromConfig(PlatformConfig.of(Map.of()))).isEmpty();
        assertThat(LeadScoreSettings.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "  ", "LEAD_SCORE_ENDPOINT", "http://x:1")))).isEmpty();
        assertThat(LeadScoreClient.fromConfig(PlatformConfig.of(Map.of()), null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LEAD_SCORE_TIMEOUT_MS | fast",
            "LEAD_SCORE_TIMEOUT_MS | 0",
            "LEAD_SCORE_TIMEOUT_MS | 50000",
            "LEAD_SCORE_ENDPOINT   | inference.internal:8080",
            "LEAD_SCORE_ENDPOINT   | ftp://inference.internal",
            "LEAD_SCORE_ENDPOINT   | http://inference.internal:8080/?model=x",
            "LEAD_SCORE_MODEL      | ../lead-score",
            "LEAD_SCORE_MODEL      | conversation lead score",
            "MODEL_PREFIX          | /models/",
            "MODEL_PREFIX          | s3://jorge-models/models/",
            "MODEL_BUCKET          | s3://jorge-models",
            "MODEL_BUCKET          | Jorge_Models",
    })
    void aMalformedValueIsRefusedNamingItsSettingBeforeS3IsTouched(String setting, String value) {
        Map<String, String> settings = new HashMap<>(Map.of("MODEL_BUCKET", "jorge-models"));
        settings.put(setting, value);
        // s3 is null: reaching for it would fail with another message
        assertThatThrownBy(() -> LeadScoreClient.fromConfig(PlatformConfig.of(settings), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(setting);
        if (!setting.equals("MODEL_BUCKET")) {
            settings.remove("MODEL_BUCKET"); // still refused: a typo should not wait for the bucket to be set
            assertThatThrownBy(() -> LeadScoreSettings.fromConfig(PlatformConfig.of(settings))).hasMessageStartingWith(setting);
        }
    }

    @Test
    void aBucketWithoutAnS3ClientIsRefused() {
        assertThatThrownBy(() -> LeadScoreClient.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "jorge-models")), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S3Client");
    }
}
