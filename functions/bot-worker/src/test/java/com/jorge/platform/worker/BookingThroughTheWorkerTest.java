package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.FakeCalendars;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlFault;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Jorge bots book, move and cancel appointments on the fake GHL's calendars, through the worker and its outbox. */
class BookingThroughTheWorkerTest {

    /** Thursday 2026-12-10, 14:00 in Chicago (the 512 area code puts the lead there). */
    static final Instant THURSDAY = LocalDateTime.of(2026, 12, 10, 14, 0).atZone(FakeCalendars.ZONE).toInstant();
    static final Map<String, String> CALENDARS = Map.of("BOOKING_CALENDARS", "call=cal-call,showing=cal-show,listing=cal-list");

    private static BotSuite jorge;
    private WorkerTestRig rig;
    private MutableClock clock;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 12, day, hour, 0).atZone(FakeCalendars.ZONE).toInstant();
    }

    private void start() throws Exception {
        clock = new MutableClock(THURSDAY);
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), CALENDARS);
    }

    private String say(String contact, String text) {
        clock.advance(Duration.ofMinutes(2));
        String webhook = GhlWebhooks.inboundSms("loc-tx", contact, text, clock.instant());
        rig.worker.messages().process(webhook, 0);
        return webhook;
    }

    private List<String> texts(String contact) {
        return rig.ghl.smsTo(contact);
    }

    @Test
    void aBuyerBooksAShowingOnceEvenWhenTheChoiceIsDeliveredTwice() throws Exception {
        start();
        rig.worker.messages().process(GhlWebhooks.contactCreate("loc-tx", "ana", "Ana", "Ruiz", "+15125550140",
                "ana@example.com", clock.instant()), 0);
        say("ana", "Hi! Can we see a few homes this weekend?");
        assertThat(texts("ana").getLast()).contains("1) Sat Dec 12, 9:00 AM").contains("2) Sat Dec 12, 10:00 AM");

        String choice = say("ana", "the 2nd one");
        rig.worker.messages().process(choice, 0); // the queue delivers the same webhook again

        assertThat(rig.ghl.calendars().appointmentsOf("ana")).singleElement().satisfies(a -> {
            assertThat(a.calendarId()).isEqualTo("cal-show");
            assertThat(a.start()).isEqualTo(at(12, 10));
            assertThat(a.assignedUserId()).isEqualTo("agent-1");
        });
        assertThat(texts("ana").getLast()).contains("Sat Dec 12, 10:00 AM").contains("reschedule");
        assertThat(texts("ana").stream().filter(t -> t.contains("Sat Dec 12, 10:00 AM") && !t.contains("2)"))).hasSize(1);
        FakeGhlServer.Call task = rig.ghl.calls().stream().filter(c -> c.path().endsWith("/tasks")).findFirst().orElseThrow();
        assertThat(task.body().path("title").asText()).contains("Sat Dec 12, 10:00 AM");

        // GHL's echo of our own booking is recognised, not news
        rig.worker.messages().process(GhlWebhooks.appointment("AppointmentCreate",
                rig.ghl.calendars().appointmentsOf("ana").getFirst(), clock.instant()), 0);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'ana' AND action = 'appointment_echo'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'ana' AND action = 'appointment_booked'")).isZero();
    }

    @Test
    void aSlotTakenBetweenTheChoiceAndTheBookingIsNotBookedAndTheNextOnesAreOffered() throws Exception {
        start();
        say("ben", "Can Jorge give me a call?");
        assertThat(texts("ben").getLast()).contains("1) Fri Dec 11, 9:00 AM");
        // someone else books Friday 9:00 while the bot is booking it for Ben
        rig.ghl.onCall(call -> {
            if (call.path().equals("/calendars/events")) rig.ghl.calendars().takeSlot("cal-call", at(11, 9));
        });

        say("ben", "1");

        assertThat(rig.ghl.calendars().appointmentsOf("ben")).isEmpty();
        assertThat(texts("ben").getLast()).contains("just taken").contains("Fri Dec 11, 10:00 AM").doesNotContain("9:00 AM");
        assertThat(rig.text("SELECT status FROM bot_appointments WHERE contact_id = 'ben'")).isEqualTo("taken");

        say("ben", "the first one");
        assertThat(rig.ghl.calendars().appointmentsOf("ben")).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(at(11, 10)));
    }

    @Test
    void aBookedLeadMovesItThenCancelsIt() throws Exception {
        start();
        say("cruz", "Can Jorge call me?");
        say("cruz", "1");
        assertThat(rig.ghl.calendars().appointmentsOf("cruz")).singleElement().satisfies(a -> assertThat(a.start()).isEqualTo(at(11, 9)));

        say("cruz", "can we move it?");
        assertThat(texts("cruz").getLast()).contains("Fri Dec 11, 10:00 AM").doesNotContain("9:00 AM");
        say("cruz", "sat 11am");
        assertThat(rig.ghl.calendars().appointmentsOf("cruz")).singleElement().satisfies(a -> assertThat(a.start()).isEqualTo(at(12, 11)));
        assertThat(texts("cruz").getLast()).contains("Sat Dec 12, 11:00 AM");

        say("cruz", "who will call me?");
        assertThat(texts("cruz").getLast()).contains("Jorge").contains("Sat Dec 12, 11:00 AM");

        // a bare "cancel" is a carrier opt-out keyword and is honoured as one; this lead names the appointment
        say("cruz", "I need to cancel the appointment");
        assertThat(rig.ghl.calendars().appointmentsOf("cruz").getFirst().status()).as(String.join("\n", texts("cruz"))).isEqualTo("cancelled");
        assertThat(texts("cruz").getLast()).contains("cancel");
    }

    private long freeSlotReads() {
        return rig.ghl.calls().stream().filter(c -> c.path().contains("/free-slots")).count();
    }

    /**
     * The bots' clock moves 2 minutes a text here: a 10-minute freshness keeps one copy through a test. GHL calls may
     * take 5 s, so that a slow calendar the turn stops waiting for still arrives on a loaded machine.
     */
    private void startWithSlots(String waitMillis) throws Exception {
        clock = new MutableClock(THURSDAY);
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), Map.of("BOOKING_CALENDARS",
                CALENDARS.get("BOOKING_CALENDARS"), "BOOKING_SLOTS_FRESH_SECONDS", "600", "BOOKING_SLOTS_WAIT_MILLIS", waitMillis,
                "GHL_API_TIMEOUT_SECONDS", "5"));
    }

    @Test
    void freeSlotsAreReadFromGhlBesideTheTurnsNotOncePerTurn() throws Exception {
        startWithSlots("10000");
        say("dia", "Can Jorge give me a call?");
        long reads = freeSlotReads(); // one read, or more if the client retried it on a loaded machine
        say("eli", "Can Jorge call me tomorrow?");
        assertThat(texts("dia").getLast()).contains("1) Fri Dec 11, 9:00 AM");
        assertThat(texts("eli").getLast()).contains("1) Fri Dec 11, 9:00 AM");
        assertThat(reads).isPositive();
        assertThat(freeSlotReads()).as("the second turn used the copy read two minutes before").isEqualTo(reads);
    }

    @Test
    void aCalendarGhlDoesNotShowInTimeLeavesTheBotAskingForATimeWithoutHoldingTheTurn() throws Exception {
        startWithSlots("300");
        // far slower than the turn may wait (300 ms), well within the client's timeout: the margin left for the
        // turn's own work is wide, so a loaded machine does not fail it (1.2 s latency against 1.1 s once did)
        rig.ghl.faults().inject(new GhlFault.Latency(Duration.ofMillis(2500)), Duration.ofSeconds(10),
                List.of("GET /calendars/cal-call/free-slots"));

        long started = System.nanoTime();
        say("fay", "Can Jorge give me a call?");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the turn did not wait for GHL's 2.5 s")
                .isLessThan(Duration.ofMillis(2400));
        assertThat(texts("fay")).isNotEmpty();
        assertThat(texts("fay").getLast()).doesNotContain("1) ");

        // the read carried on beside the turn: once it is in, the next lead is offered slots without another read
        Thread.sleep(3500);
        long reads = freeSlotReads();
        say("gus", "Can Jorge give me a call?");
        assertThat(texts("gus").getLast()).contains("1) Fri Dec 11, 9:00 AM");
        assertThat(freeSlotReads()).isEqualTo(reads);
    }
}
