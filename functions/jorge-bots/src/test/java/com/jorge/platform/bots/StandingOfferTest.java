package com.jorge.platform.bots;

import com.jorge.platform.bots.booking.BookingCalendar;
import com.jorge.platform.bots.booking.SlotFormat;
import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.CrmAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.jorge.platform.understanding.Intent.*;
import static com.jorge.platform.understanding.SlotName.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once times are offered, the bot does not offer them again each turn: only when the lead asks ("what
 * were the times?", "none of those work", a new call or showing request) or the offer lapsed. And every
 * phrasing the issue lists, in English and Spanish, chooses, moves, cancels, or meets a taken slot.
 * The texts go through the real {@code SlotChoiceReader}; only the understanding model's reading is scripted.
 */
class StandingOfferTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Thursday 2026-12-10, 14:00 in Chicago. */
    static final Instant THURSDAY = LocalDateTime.of(2026, 12, 10, 14, 0).atZone(CHICAGO).toInstant();

    /** The team's calendar: hourly 9-18 on Fri 11, Sat 12 and Mon 14; {@link #taken} are booked by someone else. */
    final Set<Instant> taken = new HashSet<>();
    final BookingCalendar calendar = (lead, purpose, from, to) -> {
        List<Instant> out = new ArrayList<>();
        for (int day : new int[] {11, 12, 14}) {
            for (int hour = 9; hour <= 18; hour++) {
                Instant s = at(day, hour);
                if (!s.isBefore(from) && s.isBefore(to) && !taken.contains(s)) out.add(s);
            }
        }
        return out;
    };
    final ScriptedUnderstander understander = new ScriptedUnderstander();
    final JorgeConversationPolicy policy = new JorgeConversationPolicy(BotSettings.defaults(), understander,
            new RuleBasedLeadScorer(), new TemplateReplyWriter(ReplyTemplates.load())).withCalendar(calendar);

    static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 12, day, hour, 0).atZone(CHICAGO).toInstant();
    }

    /** A seller who asked for a call and was offered Fri 9, 10 and 11 (in {@code language}). */
    Conversation offered(String id, String language) {
        boolean es = language.equals("es");
        String ask = es ? "¿me puede llamar Jorge?" : "can Jorge call me?";
        ScriptedUnderstander.Reading reading = understander.when(ask).intent(WANTS_CALL);
        if (es) reading.spanish();
        Conversation c = new Conversation(policy, BotType.SELLER, id, CHICAGO, THURSDAY);
        BotTurn offer = c.say(ask);
        assertThat(offer.replies()).singleElement().asString()
                .contains(es ? "1) vie 11 dic, 9:00" : "1) Fri Dec 11, 9:00 AM")
                .contains(es ? "3) vie 11 dic, 11:00" : "3) Fri Dec 11, 11:00 AM");
        assertThat(c.state.stage()).isEqualTo("booking");
        return c;
    }

    static boolean listsSlots(BotTurn turn) {
        return turn.replies().stream().anyMatch(r -> r.contains("1)"));
    }

    @Test
    void anAnswerThatIsNoChoiceGetsOneReminderWithoutTheTimesThenAPersonAndALaterChoiceStillBooks() {
        understander.when("ok").intent(AFFIRMATIVE);
        understander.when("thanks").intent(OTHER);
        understander.when("2").intent(OTHER);
        Conversation c = offered("s1", "en");

        BotTurn ok = c.say("ok");
        assertThat(listsSlots(ok)).isFalse();
        assertThat(ok.replies()).singleElement().asString().contains("number");
        assertThat(Conversation.of(ok.actions(), CrmAction.HandOff.class)).isEmpty();
        assertThat(Conversation.tags(ok.actions())).doesNotContain("call-requested"); // tagged with the offer, once
        assertThat(c.state.stage()).isEqualTo("booking");

        BotTurn thanks = c.say("thanks");
        assertThat(listsSlots(thanks)).isFalse();
        assertThat(thanks.replies()).singleElement().asString().contains("Jorge will");
        assertThat(Conversation.of(thanks.actions(), CrmAction.HandOff.class)).singleElement()
                .satisfies(h -> assertThat(h.when()).contains("no time agreed").contains("Fri Dec 11, 9:00 AM"));
        assertThat(c.state.stage()).isEqualTo("handed_off");

        BotTurn two = c.say("2");
        assertThat(Conversation.of(two.actions(), CrmAction.BookAppointment.class)).singleElement()
                .satisfies(b -> assertThat(b.start()).isEqualTo(at(11, 10)));
        assertThat(Conversation.of(two.actions(), CrmAction.HandOff.class)).isEmpty(); // handed off once
    }

    @Test
    void aSpanishLeadIsRemindedInSpanishWithoutTheTimes() {
        understander.when("vale").spanish().intent(AFFIRMATIVE);
        Conversation c = offered("s2", "es");

        BotTurn vale = c.say("vale");

        assertThat(listsSlots(vale)).isFalse();
        assertThat(vale.replies()).singleElement().asString().contains("numero");
    }

    @Test
    void aHotLeadsQuestionIsAnsweredWithoutTheOfferAndWithoutRepeatingTheHotLeadMoves() {
        understander.when("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k")
                .slot(MOTIVATION, "relocating").slot(TIMELINE, "0").slot(PROPERTY_ADDRESS, "12 Oak St")
                .slot(CONDITION, "good").slot(PRICE_EXPECTATION, "450000").intent(SELLING);
        understander.when("what would my commission be?").intent(OFF_LIMITS_QUESTION, QUESTION);
        understander.when("and what about closing costs?").intent(OFF_LIMITS_QUESTION, QUESTION);
        Conversation c = new Conversation(policy, BotType.SELLER, "s3", CHICAGO, THURSDAY);
        BotTurn hot = c.say("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k");
        assertThat(listsSlots(hot)).isTrue();
        assertThat(Conversation.tags(hot.actions())).contains("hot-lead");

        BotTurn question = c.say("what would my commission be?");
        assertThat(listsSlots(question)).isFalse();
        assertThat(question.replies()).hasSize(1);
        assertThat(Conversation.tags(question.actions())).doesNotContain("hot-lead");
        assertThat(Conversation.of(question.actions(), CrmAction.MoveOpportunity.class)).isEmpty();
        assertThat(Conversation.of(question.actions(), CrmAction.HandOff.class)).isEmpty();

        // reminded once already: the deflection alone, still no times and no hand-off
        BotTurn again = c.say("and what about closing costs?");
        assertThat(listsSlots(again)).isFalse();
        assertThat(again.replies()).singleElement().asString().doesNotContain("number");
        assertThat(Conversation.of(again.actions(), CrmAction.HandOff.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "what were the times again?|en|same",
            "¿cuáles eran los horarios?|es|same",
            "none of those work for me|en|other",
            "ninguno me sirve|es|other",
            "do you have other times?|en|other",
            "¿tienes otros horarios?|es|other"})
    void theLeadWhoAsksGetsTheTimesAgainOrOtherOnes(String text, String language, String expected) {
        ScriptedUnderstander.Reading reading = understander.when(text).intent(QUESTION);
        if (language.equals("es")) reading.spanish();
        Conversation c = offered("s4-" + text.hashCode(), language);

        BotTurn turn = c.say(text);

        String reply = turn.replies().getFirst();
        String nine = language.equals("es") ? "vie 11 dic, 9:00" : "Fri Dec 11, 9:00 AM";
        String noon = language.equals("es") ? "vie 11 dic, 12:00" : "Fri Dec 11, 12:00 PM";
        if (expected.equals("same")) {
            assertThat(reply).contains("1) " + nine).doesNotContain(noon);
        } else {
            assertThat(reply).doesNotContain(nine).contains("1) " + noon);
        }
        assertThat(Conversation.of(turn.actions(), CrmAction.BookAppointment.class)).isEmpty();
    }

    @Test
    void anOfferThatLapsedIsMadeAfreshAndAChoiceFromItMeetsTheNextTimes() {
        understander.when("ok").intent(AFFIRMATIVE);
        understander.when("the 2nd one").intent(OTHER);
        Conversation c = offered("s5", "en");
        c.now = c.now.plus(Duration.ofHours(20)); // Friday 10:00: the first offered times have passed

        BotTurn late = c.say("the 2nd one");

        assertThat(Conversation.of(late.actions(), CrmAction.BookAppointment.class)).isEmpty();
        assertThat(late.replies()).singleElement().asString().containsAnyOf("passed", "gone", "no longer").doesNotContain("10:00 AM")
                .contains("1) Fri Dec 11, 1:00 PM"); // two hours' notice from 10:01

        c.now = c.now.plus(Duration.ofHours(25));
        BotTurn ok = c.say("ok"); // a day later the offer lapsed: asked to go ahead, the bot offers anew
        assertThat(listsSlots(ok)).isTrue();
    }

    @Test
    void aLeadWhoStepsBackIsNotOfferedTimesAgain() {
        understander.when("not now, maybe in the spring").intent(NOT_NOW);
        understander.when("ok").intent(AFFIRMATIVE);
        Conversation c = offered("s6", "en");

        BotTurn notNow = c.say("not now, maybe in the spring");
        assertThat(listsSlots(notNow)).isFalse();
        assertThat(c.state.stage()).isEqualTo("nurture");
        assertThat(c.state.facts()).doesNotContainKey("booking.offered");
    }

    /** Every way of answering the offer the issue lists, in both languages, with what it must do. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "the 2nd one|en|book|11|10",
            "la segunda|es|book|11|10",
            "sat 10am|en|book|12|10",
            "el sábado a las 10|es|book|12|10",
            "any time after 5 tomorrow|en|book|11|17",
            "cualquier hora después de las 5 mañana|es|book|11|17",
            "Monday at 2pm works|en|book|14|14",
            "el lunes a las 2 de la tarde|es|book|14|14"})
    void everyListedPhrasingBooksTheTimeItMeans(String text, String language, String expected, int day, int hour) {
        ScriptedUnderstander.Reading reading = understander.when(text).slot(CONTACT_TIME, text);
        if (language.equals("es")) reading.spanish();
        Conversation c = offered("s7-" + text.hashCode(), language);

        BotTurn turn = c.say(text);

        assertThat(expected).isEqualTo("book");
        assertThat(Conversation.of(turn.actions(), CrmAction.BookAppointment.class)).singleElement()
                .satisfies(b -> assertThat(b.start()).isEqualTo(at(day, hour)))
                .satisfies(b -> assertThat(b.confirmation()).contains("Jorge", SlotFormat.one(at(day, hour), CHICAGO, language)));
        assertThat(c.state.stage()).isEqualTo("handed_off");
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "can we move it?|cancel the appointment|en",
            "I need to reschedule|please cancel it|en",
            "¿podemos cambiarla?|cancela la cita|es",
            "necesito reprogramar|quiero cancelar la cita|es"})
    void aBookedLeadMovesAndCancelsInEitherLanguage(String move, String cancel, String language) {
        boolean es = language.equals("es");
        String choice = es ? "la primera" : "the first one";
        for (String text : List.of(choice, move, cancel)) {
            ScriptedUnderstander.Reading reading = understander.when(text).intent(OTHER);
            if (es) reading.spanish();
        }
        ScriptedUnderstander.Reading newTime = understander.when(es ? "el sábado a las 10" : "sat 10am").slot(CONTACT_TIME, "sat 10");
        if (es) newTime.spanish();
        Conversation c = offered("s8-" + move.hashCode(), language);
        BotTurn booked = c.say(choice);
        assertThat(Conversation.of(booked.actions(), CrmAction.BookAppointment.class).getFirst().start()).isEqualTo(at(11, 9));

        BotTurn moving = c.say(move);
        assertThat(moving.replies()).singleElement().asString()
                .contains(es ? "1) vie 11 dic, 10:00" : "1) Fri Dec 11, 10:00 AM").doesNotContain(es ? "9:00" : "9:00 AM");
        BotTurn moved = c.say(es ? "el sábado a las 10" : "sat 10am");
        assertThat(Conversation.of(moved.actions(), CrmAction.BookAppointment.class)).singleElement()
                .satisfies(b -> assertThat(b.start()).isEqualTo(at(12, 10)));

        BotTurn cancelled = c.say(cancel);
        assertThat(Conversation.of(cancelled.actions(), CrmAction.CancelAppointment.class)).singleElement()
                .satisfies(x -> assertThat(x.confirmation()).contains(es ? "cancel" : "cancelled"));
        assertThat(c.state.facts()).doesNotContainKey("booking.at");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"the 2nd one|en", "la segunda|es"})
    void aTimeTakenSinceTheOfferIsNotBookedAndTheNextOnesAreOffered(String text, String language) {
        ScriptedUnderstander.Reading reading = understander.when(text).intent(OTHER);
        if (language.equals("es")) reading.spanish();
        Conversation c = offered("s9-" + text.hashCode(), language);
        taken.add(at(11, 10));

        BotTurn turn = c.say(text);

        assertThat(Conversation.of(turn.actions(), CrmAction.BookAppointment.class)).isEmpty();
        assertThat(turn.replies()).singleElement().asString()
                .contains(language.equals("es") ? "ocup" : "just taken")
                .contains(language.equals("es") ? "2) vie 11 dic, 11:00" : "2) Fri Dec 11, 11:00 AM")
                .doesNotContain(language.equals("es") ? "10:00" : "10:00 AM");
        assertThat(c.state.stage()).isEqualTo("booking");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"how do I reschedule if I need to?|en|reschedule", "¿cómo lo cambio si hace falta?|es|cambiar"})
    void howToRescheduleIsAnsweredNotTakenAsAMove(String text, String language, String word) {
        boolean es = language.equals("es");
        String choice = es ? "la primera" : "the first one";
        ScriptedUnderstander.Reading first = understander.when(choice).intent(OTHER);
        ScriptedUnderstander.Reading how = understander.when(text).intent(QUESTION);
        if (es) {
            first.spanish();
            how.spanish();
        }
        Conversation c = offered("s10-" + text.hashCode(), language);
        c.say(choice);

        BotTurn answer = c.say(text);

        assertThat(listsSlots(answer)).isFalse();
        assertThat(answer.replies()).singleElement().asString().contains(word).contains(es ? "vie 11 dic, 9:00" : "Fri Dec 11, 9:00 AM");
    }

    @Test
    void afterTheHandOffAShowingRequestGetsTimesOrTheBookedOneAndNeverSilence() {
        understander.when("ok").intent(AFFIRMATIVE);
        understander.when("thanks").intent(OTHER);
        understander.when("Can we see a few homes this weekend?").intent(WANTS_SHOWING, BUYING);
        understander.when("sat 10am").slot(CONTACT_TIME, "sat 10am");
        understander.when("the first one").intent(OTHER);
        understander.when("I'm also free any time after 5 tomorrow").slot(CONTACT_TIME, "after 5 tomorrow");

        // handed to a person without a time agreed: the showing calendar's weekend times, and the choice books
        Conversation waiting = offered("s11", "en");
        waiting.say("ok");
        waiting.say("thanks");
        assertThat(waiting.state.stage()).isEqualTo("handed_off");
        BotTurn showing = waiting.say("Can we see a few homes this weekend?");
        assertThat(showing.replies()).singleElement().asString().contains("1) Sat Dec 12, 9:00 AM");
        assertThat(Conversation.of(showing.actions(), CrmAction.HandOff.class)).isEmpty();
        BotTurn chose = waiting.say("sat 10am");
        assertThat(Conversation.of(chose.actions(), CrmAction.BookAppointment.class)).singleElement()
                .satisfies(b -> assertThat(b.start()).isEqualTo(at(12, 10)));
        assertThat(Conversation.of(chose.actions(), CrmAction.HandOff.class)).isEmpty();

        // booked already: told the booked time; a time named in passing moves nothing
        Conversation booked = offered("s12", "en");
        booked.say("the first one");
        BotTurn asked = booked.say("Can we see a few homes this weekend?");
        assertThat(asked.replies()).singleElement().asString().contains("Fri Dec 11, 9:00 AM");
        assertThat(Conversation.of(asked.actions(), CrmAction.BookAppointment.class)).isEmpty();
        assertThat(Conversation.of(booked.say("I'm also free any time after 5 tomorrow").actions(), CrmAction.BookAppointment.class)).isEmpty();

        // no calendar: who will be in touch, not silence
        understander.when("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k")
                .slot(MOTIVATION, "relocating").slot(TIMELINE, "0").slot(PROPERTY_ADDRESS, "12 Oak St")
                .slot(CONDITION, "good").slot(PRICE_EXPECTATION, "450000").intent(SELLING);
        JorgeConversationPolicy noCalendar = new JorgeConversationPolicy(BotSettings.defaults(), understander,
                new RuleBasedLeadScorer(), new TemplateReplyWriter(ReplyTemplates.load()));
        Conversation hot = new Conversation(noCalendar, BotType.SELLER, "s13", CHICAGO, THURSDAY);
        hot.say("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k");
        assertThat(hot.state.stage()).isEqualTo("handed_off");
        BotTurn noTimes = hot.say("Can we see a few homes this weekend?");
        assertThat(noTimes.replies()).singleElement().asString().contains("Jorge");
        assertThat(listsSlots(noTimes)).isFalse();
        understander.when("call me tomorrow at 10 please").intent(WANTS_CALL).slot(CONTACT_TIME, "tomorrow at 10");
        BotTurn withTime = hot.say("call me tomorrow at 10 please");
        assertThat(withTime.replies()).singleElement().asString().containsAnyOf("passed that on", "let Jorge know", "informed");
        assertThat(Conversation.of(withTime.actions(), CrmAction.UpdateFields.class).getFirst().fields())
                .containsEntry("contact.lead_contact_time", "tomorrow at 10");
    }
}
