package com.jorge.platform.bots.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsSegmentsTest {

    @Test
    void gsm7TextTakes160AloneAnd153PerPart() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void spanishLettersInTheGsmAlphabetKeepGsm7ButAnAcuteAccentSwitchesToUcs2() {
        assertThat(SmsSegments.isGsm7("¿Año? ¡Sí, señor! é ü")).isFalse(); // í is not in GSM 03.38
        assertThat(SmsSegments.isGsm7("¿Año? ¡Señor! é ü")).isTrue();
        assertThat(SmsSegments.count("á" + "a".repeat(69))).isEqualTo(1);
        assertThat(SmsSegments.count("á" + "a".repeat(70))).isEqualTo(2);
        assertThat(SmsSegments.count("á" + "a".repeat(133))).isEqualTo(2);
        assertThat(SmsSegments.count("á" + "a".repeat(134))).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwiceAndEmojiTakeTwoUnits() {
        assertThat(SmsSegments.units("€[]")).isEqualTo(6);
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
        assertThat(SmsSegments.units("🏠")).isEqualTo(2);
        assertThat(SmsSegments.count("🏠".repeat(35))).isEqualTo(1);
        assertThat(SmsSegments.count("🏠".repeat(36))).isEqualTo(2);
    }

    @Test
    void emptyTextTakesNoSegment() {
        assertThat(SmsSegments.count("")).isZero();
    }
}
