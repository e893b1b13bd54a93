package com.jorge.platform.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiMaskTest {

    @Test
    void phonesKeepOnlyTheirLastThreeDigits() {
        assertThat(PiiMask.phone("+1 (512) 555-0101")).isEqualTo("***101").doesNotContain("512", "555");
        assertThat(PiiMask.phone("1234")).isEqualTo("***");
        assertThat(PiiMask.phone(null)).isNull();
    }

    @Test
    void namesKeepOnlyAnInitial() {
        assertThat(PiiMask.name("  María José ")).isEqualTo("M***");
        assertThat(PiiMask.name("")).isEmpty();
        assertThat(PiiMask.name(null)).isNull();
    }
}
