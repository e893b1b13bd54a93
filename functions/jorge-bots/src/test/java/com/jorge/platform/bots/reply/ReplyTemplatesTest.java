package com.jorge.platform.bots.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.policy.Qualification;
import com.jorge.platform.bots.policy.Question;
import com.jorge.platform.conversation.BotType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyTemplatesTest {

    final ReplyTemplates templates = ReplyTemplates.load();

    /** The longest values the templates can be filled with. */
    static final Map<String, String> LONGEST = Map.of(
            "name", "M".repeat(TemplateReplyWriter.MAX_NAME_LENGTH),
            "agent", "A".repeat(BotSettings.MAX_AGENT_NAME),
            "team", "T".repeat(BotSettings.MAX_TEAM_NAME),
            // booking texts: three offered slots and one booked time, at their longest
            "slots", "1) Wed Sep 30, 12:30 PM 2) Wed Sep 30, 12:30 PM 3) Wed Sep 30, 12:30 PM",
            "when", "Wed Sep 30, 12:30 PM");

    @Test
    void everyStepHasAtLeastTwoVariationsPerLanguageAndTone() {
        for (String key : templates.keys()) {
            for (String language : ReplyTemplates.LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    assertThat(templates.variations(key, language, tone)).as(key + " " + language + " " + tone)
                            .hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
                }
            }
        }
    }

    @Test
    void everyStepThePoliciesUseExists() {
        List<String> used = new ArrayList<>(List.of("greet", "ack", "handoff.call", "handoff.call_ask_time",
                "handoff.hot", "handoff.hot_ask_time", "objection.just_looking", "objection.has_agent",
                "objection.not_interested", "objection.not_now", "objection.price_too_high", "objection.angry",
                "deflect.off_limits", "value.ask", "showing.ack", "nurture.close", "optout.confirm",
                "followup.nudge", "followup.nurture"));
        for (Question question : Question.values()) {
            used.add(question.templateKey());
        }
        for (BotType side : BotType.values()) {
            used.add(Qualification.of(side).offerKey());
            used.add(Qualification.of(side).switchKey());
        }
        assertThat(templates.keys()).containsAll(used);
    }

    @Test
    void everyVariationFitsTwoSegmentsWithTheLongestNamesAndTheWriterKeepsGreetingPlusStepWithinTwo() {
        TemplateReplyWriter writer = new TemplateReplyWriter(templates);
        int seed = 0;
        for (String key : templates.keys()) {
            for (String language : ReplyTemplates.LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    for (String text : templates.variations(key, language, tone)) {
                        String alone = TemplateReplyWriter.fill(text, LONGEST);
                        assertThat(SmsSegments.count(alone)).as(alone).isLessThanOrEqualTo(2);
                    }
                    for (int i = 0; i < 4; i++) {
                        ReplyPlan plan = new ReplyPlan(language, tone, List.of(ReplyPart.optional("greet"),
                                ReplyPart.optional("ack"), ReplyPart.required(key)), LONGEST, "s" + seed++, "");
                        String written = writer.write(plan);
                        assertThat(SmsSegments.count(written)).as(written).isLessThanOrEqualTo(2);
                        assertThat(written).endsWith(writer.render(key, plan));
                    }
                }
            }
        }
    }

    @Test
    void templatesStateNoNumbersNoLinksAndNoPricesOfTheirOwn() {
        Pattern forbidden = Pattern.compile("\\d|https?://|www\\.|\\$|%");
        for (String key : templates.keys()) {
            for (String language : ReplyTemplates.LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    assertThat(templates.variations(key, language, tone))
                            .allSatisfy(t -> assertThat(forbidden.matcher(t).find()).as(t).isFalse())
                            .allSatisfy(t -> assertThat(ReplyGuard.reject(TemplateReplyWriter.fill(t, LONGEST),
                                    LONGEST.get("slots") + " " + LONGEST.get("when"))).isEmpty());
                }
            }
        }
    }

    @Test
    void spanishFriendlySaysTuAndProfessionalSaysUsted() {
        assertThat(String.join(" ", templates.variations("ask.buyer.budget", "es", Tone.FRIENDLY))).contains("tu ");
        assertThat(String.join(" ", templates.variations("ask.buyer.budget", "es", Tone.PROFESSIONAL))).contains("su ");
    }

    @Test
    void aLibraryMissingALanguageOrToneIsRefusedWithThePath() throws Exception {
        var json = new ObjectMapper().readTree("""
                {"templates": {"greet": {"en": {"friendly": ["Hi"], "professional": ["Hello"]},
                                         "es": {"friendly": ["Hola"]}}}}""");
        assertThatThrownBy(() -> ReplyTemplates.parse(json)).hasMessageContaining("templates.greet.es.professional");
    }

    @Test
    void variantSetsKeepTheLibrarysRulesAndNameOnlyItsSteps() throws Exception {
        assertThat(templates.sets()).contains("warm", "short");
        Pattern forbidden = Pattern.compile("\\d|https?://|www\\.|\\$|%");
        for (String set : templates.sets()) {
            for (String language : ReplyTemplates.LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    assertThat(templates.variations("greet", language, tone, set)).allSatisfy(t -> {
                        assertThat(forbidden.matcher(t).find()).as(t).isFalse();
                        assertThat(SmsSegments.count(TemplateReplyWriter.fill(t, LONGEST))).as(t).isLessThanOrEqualTo(1);
                    });
                    // a step the set does not word is the base one
                    assertThat(templates.variations("ask.seller.timeline", language, tone, set))
                            .isEqualTo(templates.variations("ask.seller.timeline", language, tone));
                }
            }
        }
        assertThat(templates.variations("greet", "en", Tone.FRIENDLY, "warm")).isNotEqualTo(templates.variations("greet", "en", Tone.FRIENDLY));
        var json = new ObjectMapper().readTree("""
                {"templates": {"greet": {"en": {"friendly": ["Hi"], "professional": ["Hello"]}, "es": {"friendly": ["Hola"], "professional": ["Hola"]}}},
                 "variants": {"warm": {"gret": {"en": {"friendly": ["Hi"], "professional": ["Hello"]}, "es": {"friendly": ["Hola"], "professional": ["Hola"]}}}}}""");
        assertThatThrownBy(() -> ReplyTemplates.parse(json)).hasMessageContaining("variants.warm").hasMessageContaining("'gret'");
        assertThatThrownBy(() -> templates.variations("greet", "en", Tone.FRIENDLY, "nope")).hasMessageContaining("'nope'");
    }
}
