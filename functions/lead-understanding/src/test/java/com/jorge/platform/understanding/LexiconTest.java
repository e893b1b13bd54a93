package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {

    @Test
    void aBrokenRuleIsReportedWithItsLine() {
        assertThatThrownBy(() -> Lexicon.parse(List.of("# ok", "SLOT CONDITION good => (unclosed"), "test.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.txt:2").hasMessageContaining("bad regex");
        assertThatThrownBy(() -> Lexicon.parse(List.of("SLOT CONDITION => good"), "test.txt"))
                .hasMessageContaining("test.txt:1");
        assertThatThrownBy(() -> Lexicon.parse(List.of("INTENT NOT_AN_INTENT => x"), "test.txt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lexicon.parse(List.of("SLOT CONDITION good (no arrow)"), "test.txt"))
                .hasMessageContaining("expected");
    }
}
