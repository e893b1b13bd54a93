package com.jorge.platform.bots;

import com.jorge.platform.bots.booking.BookingCalendar;
import com.jorge.platform.bots.reply.ReplyTemplates;
import com.jorge.platform.bots.reply.TemplateReplyWriter;
import com.jorge.platform.bots.temperature.RuleBasedLeadScorer;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.CrmAction;
import org.junit.jupiter.api.Test;

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

/** Offering, booking, moving and cancelling appointments, and what the bot says after the hand-off. */
class BookingConversationTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Thursday 2026-12-10, 14:00 in Chicago. */
    static final Instant THURSDAY = LocalDateTime.of(2026, 12, 10, 14, 0).atZone(CHICAGO).toInstant();

    /** The team's calendar: hourly 9-16 on Fri and Sat; {@link #taken} are booked by someone else. */
    final Set<Instant> taken = new HashSet<>();
    final List<AppointmentPurpose> asked = new ArrayList<>();
    final BookingCalendar calendar = (lead, purpose, from, to) -> {
        asked.add(purpose);
        List<Instant> out = new ArrayList<>();
        for (int day = 11; day <= 12; day++) {
            for (int hour = 9; hour <= 16; hour++) {
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

    Conversation lead(BotType side, String id) {
        return new Conversation(policy, side, id, CHICAGO, THURSDAY);
    }

    @Test
    void aBuyerAskingForAShowingThisWeekendIsOfferedWeekendSlotsAndBooksTheOneChosen() {
        understander.when("Can we see a few homes this weekend?").intent(WANTS_SHOWING, BUYING);
        understander.when("sat 10am").slot(CONTACT_TIME, "sat 10am");
        Conversation c = lead(BotType.BUYER, "b1");

        BotTurn offer = c.say("Can we see a few homes this weekend?");

        assertThat(offer.replies()).singleElement().asString()
                .contains("showing").contains("1) Sat Dec 12, 9:00 AM").contains("2) Sat Dec 12, 10:00 AM").contains("3) Sat Dec 12, 11:00 AM");
        assertThat(asked).containsOnly(AppointmentPurpose.SHOWING);
        assertThat(Conversation.of(offer.actions(), CrmAction.HandOff.class)).isEmpty(); // waits for the choice
        assertThat(c.state.stage()).isEqualTo("booking");

        BotTurn chose = c.say("sat 10am");

        assertThat(chose.replies()).isEmpty(); // the confirmation goes out once GHL holds the appointment
        CrmAction.BookAppointment book = Conversation.of(chose.actions(), CrmAction.BookAppointment.class).getFirst();
        assertThat(book.purpose()).isEqualTo(AppointmentPurpose.SHOWING);
        assertThat(book.start()).isEqualTo(at(12, 10));
        assertThat(book.end()).isEqualTo(at(12, 11));
        assertThat(book.confirmation()).contains("Sat Dec 12, 10:00 AM");
        assertThat(book.takenReply()).contains("1) Sat Dec 12, 9:00 AM").doesNotContain("10:00 AM");
        assertThat(Conversation.of(chose.actions(), CrmAction.HandOff.class)).singleElement()
                .satisfies(h -> assertThat(h.when()).contains("Sat Dec 12, 10:00 AM").contains("America/Chicago"));
        assertThat(c.state.stage()).isEqualTo("handed_off");
    }

    @Test
    void aHotBuyerOfferedCallSlotsWhoAsksForAShowingIsOfferedShowingSlots() {
        understander.when("call me").intent(WANTS_CALL);
        understander.when("Can we see a few homes this weekend?").intent(WANTS_SHOWING, BUYING);
        Conversation c = lead(BotType.BUYER, "b2");
        c.say("call me");
        assertThat(asked).containsExactly(AppointmentPurpose.CALL);

        BotTurn showing = c.say("Can we see a few homes this weekend?");

        assertThat(asked).last().isEqualTo(AppointmentPurpose.SHOWING);
        assertThat(showing.replies()).singleElement().asString().contains("showing").contains("1) Sat Dec 12, 9:00 AM");
        assertThat(Conversation.of(showing.actions(), CrmAction.BookAppointment.class)).isEmpty();
    }

    @Test
    void aSlotTakenBetweenOfferAndChoiceIsNotBookedAndTheNextOnesAreOffered() {
        understander.when("can Jorge call me?").intent(WANTS_CALL);
        understander.when("the 2nd one").intent(OTHER);
        Conversation c = lead(BotType.SELLER, "s1");
        c.say("can Jorge call me?");
        Instant second = at(11, 10);
        assertThat(c.turns.getLast().replies().getFirst()).contains("2) Fri Dec 11, 10:00 AM");
        taken.add(second);

        BotTurn turn = c.say("the 2nd one");

        assertThat(Conversation.of(turn.actions(), CrmAction.BookAppointment.class)).isEmpty();
        assertThat(turn.replies()).singleElement().asString().contains("just taken").contains("1) Fri Dec 11, 9:00 AM")
                .contains("2) Fri Dec 11, 11:00 AM");
        assertThat(c.state.stage()).isEqualTo("booking");
    }

    @Test
    void aBookedLeadMovesThenCancelsAndAsksWhoWillCall() {
        understander.when("can Jorge call me?").intent(WANTS_CALL);
        understander.when("1").intent(OTHER);
        understander.when("who will call me?").intent(QUESTION);
        understander.when("can we move it?").intent(QUESTION);
        understander.when("el sábado a las 10").spanish().slot(CONTACT_TIME, "sábado 10");
        understander.when("actually please cancel").intent(OTHER);
        Conversation c = lead(BotType.SELLER, "s2");
        c.say("can Jorge call me?");
        BotTurn booked = c.say("1");
        assertThat(Conversation.of(booked.actions(), CrmAction.BookAppointment.class).getFirst().start()).isEqualTo(at(11, 9));

        BotTurn logistics = c.say("who will call me?");
        assertThat(logistics.replies()).singleElement().asString().contains("Jorge").contains("Fri Dec 11, 9:00 AM");
        assertThat(logistics.actions()).noneMatch(a -> a instanceof CrmAction.HandOff);

        BotTurn move = c.say("can we move it?");
        assertThat(move.replies()).singleElement().asString().contains("1) Fri Dec 11, 10:00 AM").doesNotContain("9:00 AM");

        BotTurn moved = c.say("el sábado a las 10");
        CrmAction.BookAppointment again = Conversation.of(moved.actions(), CrmAction.BookAppointment.class).getFirst();
        assertThat(again.start()).isEqualTo(at(12, 10));
        assertThat(again.confirmation()).contains("sab 12 dic, 10:00"); // the lead wrote in Spanish
        assertThat(Conversation.of(moved.actions(), CrmAction.HandOff.class)).isEmpty(); // handed off once

        BotTurn cancel = c.say("actually please cancel");
        assertThat(cancel.replies()).isEmpty();
        assertThat(Conversation.of(cancel.actions(), CrmAction.CancelAppointment.class)).singleElement()
                .satisfies(x -> assertThat(x.confirmation()).isNotBlank());
    }

    @Test
    void afterAHandOffTheBotAcknowledgesTheAnswerToItsLastQuestionAndLeavesTheRestToTheHuman() {
        JorgeConversationPolicy noCalendar = new JorgeConversationPolicy(BotSettings.defaults(), understander,
                new RuleBasedLeadScorer(), new TemplateReplyWriter(ReplyTemplates.load()));
        understander.when("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k")
                .slot(MOTIVATION, "relocating").slot(TIMELINE, "0").slot(PROPERTY_ADDRESS, "12 Oak St")
                .slot(CONDITION, "good").slot(PRICE_EXPECTATION, "450000").intent(SELLING);
        understander.when("any time after 5 tomorrow").slot(CONTACT_TIME, "after 5 tomorrow");
        understander.when("what would my commission be?").intent(QUESTION);
        Conversation c = new Conversation(noCalendar, BotType.SELLER, "s3", CHICAGO, THURSDAY);
        BotTurn hot = c.say("relocating, need to sell ASAP, 12 Oak St, good shape, want 450k");
        assertThat(hot.replies().getFirst()).contains("time");
        assertThat(c.state.stage()).isEqualTo("handed_off");

        BotTurn answer = c.say("any time after 5 tomorrow");
        assertThat(answer.replies()).singleElement().asString().containsAnyOf("passed that on to Jorge", "let Jorge know");
        assertThat(Conversation.of(answer.actions(), CrmAction.UpdateFields.class).getFirst().fields())
                .containsEntry("contact.lead_contact_time", "after 5 tomorrow");

        assertThat(c.say("what would my commission be?").replies()).isEmpty(); // a human answers that
    }
}
