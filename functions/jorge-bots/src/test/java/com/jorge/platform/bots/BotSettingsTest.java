package com.jorge.platform.bots;

import com.jorge.platform.bots.reply.Tone;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotSettingsTest {

    @Test
    void defaultsAreTemplatesOnlyWithNinePmToEightAmQuietHours() {
        BotSettings config = BotSettings.defaults();
        assertThat(config.bedrock()).isNull();
        assertThat(config.quietHours().start()).isEqualTo(LocalTime.of(21, 0));
        assertThat(config.quietHours().end()).isEqualTo(LocalTime.of(8, 0));
        assertThat(config.maxUnansweredFollowUps()).isEqualTo(3);
        assertThat(config.tone()).isEqualTo(Tone.FRIENDLY);
    }

    @Test
    void environmentAndPropertyStyleNamesBothWork() {
        BotSettings config = BotSettings.fromSettings(Map.of(
                "JORGE_BOTS_TEAM_NAME", "Casa Realty",
                "jorge.bots.agent-name", "Ana",
                "JORGE_BOTS_TONE", "professional",
                "JORGE_BOTS_QUIET_HOURS", "20:00-09:00",
                "JORGE_BOTS_LOCATION_ZONES", "locA=America/New_York, locB=America/Denver",
                "JORGE_BOTS_BEDROCK_MODEL_ID", "anthropic.claude-3-5-haiku-20241022-v1:0",
                "JORGE_BOTS_BEDROCK_ENDPOINT", "http://127.0.0.1:9999",
                "JORGE_BOTS_BEDROCK_DEADLINE_MS", "500"));
        assertThat(config.teamName()).isEqualTo("Casa Realty");
        assertThat(config.agentName()).isEqualTo("Ana");
        assertThat(config.tone()).isEqualTo(Tone.PROFESSIONAL);
        assertThat(config.quietHours().start()).isEqualTo(LocalTime.of(20, 0));
        assertThat(config.locationZone("locB")).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(config.locationZone("unknown")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(config.bedrock().endpoint()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(config.bedrock().deadline()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.bedrock().region()).isEqualTo("us-east-1");
    }

    @Test
    void aBadValueNamesItsSetting() {
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_QUIET_HOURS", "late")))
                .hasMessageContaining("JORGE_BOTS_QUIET_HOURS");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_DEFAULT_ZONE", "Mars/Olympus")))
                .hasMessageContaining("JORGE_BOTS_DEFAULT_ZONE");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS", "lots")))
                .hasMessageContaining("JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS", "99")))
                .hasMessageContaining("JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_TONE", "sarcastic")))
                .hasMessageContaining("JORGE_BOTS_TONE");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_TEAM_NAME", "x".repeat(31))))
                .hasMessageContaining("JORGE_BOTS_TEAM_NAME");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_AGENT_NAME", "see http://x.co")))
                .hasMessageContaining("JORGE_BOTS_AGENT_NAME");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of(
                "JORGE_BOTS_BEDROCK_MODEL_ID", "m", "JORGE_BOTS_BEDROCK_DEADLINE_MS", "0")))
                .hasMessageContaining("JORGE_BOTS_BEDROCK_DEADLINE_MS");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_LOCATION_ZONES", "locA")))
                .hasMessageContaining("JORGE_BOTS_LOCATION_ZONES");
        assertThatThrownBy(() -> BotSettings.fromSettings(Map.of("JORGE_BOTS_FOLLOW_UP_DELAYS", "P1D,-P1D")))
                .hasMessageContaining("JORGE_BOTS_FOLLOW_UP_DELAYS");
    }
}
