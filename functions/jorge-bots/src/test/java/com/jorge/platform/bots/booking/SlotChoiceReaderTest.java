package com.jorge.platform.bots.booking;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlotChoiceReaderTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Thursday 2026-12-10, 14:00 in Chicago. */
    static final Instant NOW = LocalDateTime.of(2026, 12, 10, 14, 0).atZone(CHICAGO).toInstant();
    /** Fri 10:00, Fri 17:00, Sat 10:00, Sat 15:00. */
    static final List<Instant> OFFERED = List.of(at(11, 10), at(11, 17), at(12, 10), at(12, 15));

    final SlotChoiceReader reader = new SlotChoiceReader();

    static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 12, day, hour, 0).atZone(CHICAGO).toInstant();
    }

    Instant chosen(String text) {
        return reader.wish(text).flatMap(w -> w.pick(OFFERED, CHICAGO, NOW)).orElse(null);
    }

    @Test
    void readsAChoiceByPositionInEitherLanguage() {
        assertThat(chosen("the 2nd one")).isEqualTo(OFFERED.get(1));
        assertThat(chosen("2")).isEqualTo(OFFERED.get(1));
        assertThat(chosen("option 3 please")).isEqualTo(OFFERED.get(2));
        assertThat(chosen("First works")).isEqualTo(OFFERED.get(0));
        assertThat(chosen("la segunda")).isEqualTo(OFFERED.get(1));
        assertThat(chosen("el último")).isEqualTo(OFFERED.get(3));
    }

    @Test
    void readsADayAndATime() {
        assertThat(chosen("sat 10am")).isEqualTo(at(12, 10));
        assertThat(chosen("Saturday at 3")).isEqualTo(at(12, 15));
        assertThat(chosen("el sábado a las 10")).isEqualTo(at(12, 10));
        assertThat(chosen("viernes a las 5 de la tarde")).isEqualTo(at(11, 17));
        assertThat(chosen("Friday 5:00 pm works")).isEqualTo(at(11, 17));
    }

    @Test
    void readsAWindowRelativeToToday() {
        assertThat(chosen("any time after 5 tomorrow")).isEqualTo(at(11, 17));
        assertThat(chosen("mañana después de las 4")).isEqualTo(at(11, 17));
        assertThat(chosen("tomorrow morning")).isEqualTo(at(11, 10));
        assertThat(chosen("saturday afternoon")).isEqualTo(at(12, 15));
        assertThat(chosen("this weekend")).isEqualTo(at(12, 10));
        assertThat(reader.wish("mañana por la mañana").orElseThrow().before()).isEqualTo(LocalTime.NOON);
    }

    @Test
    void aTimeNoSlotFitsPicksNothingAndPlainTextIsNoWish() {
        assertThat(chosen("monday at 9")).isNull();
        assertThat(reader.wish("monday at 9").orElseThrow().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(reader.wish("we have 3 bedrooms and 2 baths")).isEmpty();
        assertThat(reader.wish("sounds good")).isEmpty();
    }

    @Test
    void readsMovesCancellationsAndQuestionsAboutTheAppointment() {
        assertThat(reader.request("can we move it?")).isEqualTo(SlotChoiceReader.Request.MOVE);
        assertThat(reader.request("I need to reschedule")).isEqualTo(SlotChoiceReader.Request.MOVE);
        assertThat(reader.request("¿podemos cambiar la cita?")).isEqualTo(SlotChoiceReader.Request.MOVE);
        assertThat(reader.request("please cancel")).isEqualTo(SlotChoiceReader.Request.CANCEL);
        assertThat(reader.request("quiero cancelar la cita")).isEqualTo(SlotChoiceReader.Request.CANCEL);
        assertThat(reader.request("who will call me?")).isEqualTo(SlotChoiceReader.Request.LOGISTICS);
        assertThat(reader.request("what time is it again?")).isEqualTo(SlotChoiceReader.Request.LOGISTICS);
        assertThat(reader.request("¿a qué hora me llaman?")).isEqualTo(SlotChoiceReader.Request.LOGISTICS);
        assertThat(reader.request("what are the HOA fees?")).isEqualTo(SlotChoiceReader.Request.NONE);
    }

    @Test
    void readsAnAskForOtherTimesOrTheSameOnesAgainAndAHowToQuestion() {
        for (String other : List.of("none of those work", "neither of them", "do you have other times?", "those don't work for me",
                "ninguno me sirve", "¿tienes otros horarios?", "no me sirven")) {
            assertThat(reader.request(other)).as(other).isEqualTo(SlotChoiceReader.Request.OTHER_TIMES);
        }
        for (String repeat : List.of("what were the times again?", "which times?", "send me the times again",
                "¿cuáles eran los horarios?", "¿qué horarios hay?")) {
            assertThat(reader.request(repeat)).as(repeat).isEqualTo(SlotChoiceReader.Request.REPEAT);
        }
        assertThat(reader.request("how do I reschedule?")).isEqualTo(SlotChoiceReader.Request.LOGISTICS);
        assertThat(reader.request("¿cómo lo cambio?")).isEqualTo(SlotChoiceReader.Request.LOGISTICS);
        // everyday words that are none of these
        for (String plain : List.of("ningún problema", "sounds good, thanks", "más tarde te escribo", "no me queda claro el precio")) {
            assertThat(reader.request(plain)).as(plain).isEqualTo(SlotChoiceReader.Request.NONE);
        }
    }
}
