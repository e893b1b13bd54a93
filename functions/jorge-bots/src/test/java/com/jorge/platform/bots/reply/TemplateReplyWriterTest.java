package com.jorge.platform.bots.reply;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateReplyWriterTest {

    final TemplateReplyWriter writer = new TemplateReplyWriter(ReplyTemplates.load());
    final Map<String, String> values = Map.of("name", "Maria", "agent", "Jorge", "team", "Jorge's team");

    ReplyPlan plan(String seed, String language, Map<String, String> values, ReplyPart... parts) {
        return new ReplyPlan(language, Tone.FRIENDLY, List.of(parts), values, seed, "");
    }

    @Test
    void theSameSeedAlwaysPicksTheSameVariationAndSeedsSpreadOverAllOfThem() {
        ReplyPart ask = ReplyPart.required("ask.seller.motivation");
        assertThat(writer.write(plan("lead-1#3", "en", values, ask))).isEqualTo(writer.write(plan("lead-1#3", "en", values, ask)));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.add(writer.write(plan("lead-" + i + "#0", "en", values, ask)));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                writer.templates().variations("ask.seller.motivation", "en", Tone.FRIENDLY));
    }

    @Test
    void anUnknownOrHostileNameIsLeftOutWithItsSpace() {
        ReplyPart greet = ReplyPart.required("greet");
        for (String name : new String[] {null, "", "visit evil.com now", "Bob {agent}", "A".repeat(30), "<script>"}) {
            Map<String, String> v = new java.util.HashMap<>(values);
            if (name == null) {
                v.remove("name");
            } else {
                v.put("name", name);
            }
            String text = writer.write(plan("s", "en", v, greet));
            assertThat(text).doesNotContain("evil", "{", "AAAA", "<script>").doesNotContain("  ").doesNotContain(" !");
        }
        assertThat(writer.write(plan("s", "en", values, greet))).contains("Maria");
    }

    @Test
    void optionalPartsAreDroppedLastFirstWhenTheReplyWouldNotFitTwoSegments() {
        Map<String, String> longNames = new java.util.HashMap<>(ReplyTemplatesTest.LONGEST);
        longNames.put("name", "Ángela"); // Á is not GSM-7: the whole reply becomes UCS-2, 134 units in two segments
        ReplyPlan crowded = new ReplyPlan("es", Tone.PROFESSIONAL, List.of(ReplyPart.optional("greet"),
                ReplyPart.optional("ack"), ReplyPart.required("deflect.off_limits"), ReplyPart.required("value.ask")),
                longNames, "seed", "");
        String text = writer.write(crowded);
        assertThat(SmsSegments.count(text)).isLessThanOrEqualTo(2);
        assertThat(text).doesNotContain("Hola"); // the greeting went first
        assertThat(text).startsWith(writer.render("deflect.off_limits", crowded)); // the required parts stay
    }
}
