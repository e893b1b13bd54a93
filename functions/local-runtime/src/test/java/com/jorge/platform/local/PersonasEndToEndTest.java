package com.jorge.platform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.bots.simulator.ExpectedOutcome;
import com.jorge.platform.bots.simulator.Persona;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every persona of the bots' library, end to end through the local runtime: signed webhooks over HTTP,
 * intake, queue, worker, the Jorge bots, PostgreSQL, Redis and the fake GHL API. Each must end in its
 * expected temperature and stage, with its expected CRM calls at GHL. The worker's clock starts at a
 * weekday noon in Texas so quiet hours never hide a reply.
 */
class PersonasEndToEndTest {

    private static TestPostgres.Schema schema;
    private static LocalPlatform platform;
    private static final Map<String, String> STAGE_NAMES_BY_ID = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        schema = TestPostgres.migratedSchema("personas");
        platform = LocalPlatform.start(Map.of(
                        "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(),
                        "REDIS_URL", TestRedis.standaloneUrl(), "REDIS_NAMESPACE", TestRedis.namespace("personas")),
                // a weekday noon in Texas that still moves, so replies the outbox holds for GHL's rate limit come due
                0, WorkerFunction.jorgeBots(Map.of()), Clock.offset(Clock.systemUTC(),
                        Duration.between(Instant.now(), Instant.parse("2026-11-23T18:00:00Z"))));
        for (String pair : LocalPlatform.LOCAL_PIPELINE_STAGES.split(",")) {
            String[] kv = pair.split("=");
            STAGE_NAMES_BY_ID.put(kv[1], kv[0]);
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
        schema.close();
    }

    @TestFactory
    Stream<DynamicTest> everyPersonaEndsWhereItShould() {
        return Personas.all().stream().map(persona -> DynamicTest.dynamicTest(persona.id(), () -> play(persona)));
    }

    @org.junit.jupiter.api.Test
    void theDemoPlaysASellerAndABuyerToAHotHandOff() throws Exception {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        boolean ok = DemoConversations.playDemo(platform, new PrintStream(transcript, true, StandardCharsets.UTF_8));
        String text = transcript.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(text).isTrue();
        assertThat(text).contains("motivated-seller", "pre-approved-buyer", "temperature=HOT", "POST /opportunities/");
        // the seller books a call, the buyer a showing, and the transcript shows each appointment
        assertThat(text).contains("appointment booked: Call with a Jorge lead on local-cal-call",
                "appointment booked: Showing for a Jorge lead on local-cal-showing");
        assertThat(text).as("phones are masked in the transcript").doesNotContain("555 0101", "5550101");
    }

    /**
     * Leads who book, move, cancel, ask after the hand-off, answer the bot's offer with their own window, or
     * answer it without choosing (the offer is not repeated until asked for).
     */
    @TestFactory
    Stream<DynamicTest> bookingPersonasBookMoveCancelAndAreAnsweredAfterTheHandOff() {
        return Stream.of(
                DynamicTest.dynamicTest("books-moves-and-asks", () -> {
                    String text = playScripted("books-moves-and-asks", BotType.SELLER, "Hi, can Jorge give me a call?",
                            "the 2nd one", "can we move it?", "sat 11am", "who will call me?", "what would your commission be?");
                    var appointments = platform.ghl().calendars().appointmentsOf("loc-booking-books-moves-and-asks");
                    assertThat(appointments).as(text).singleElement().satisfies(a -> {
                        assertThat(a.calendarId()).isEqualTo("local-cal-call");
                        assertThat(a.start().atZone(CHICAGO).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
                        assertThat(a.start().atZone(CHICAGO).getHour()).isEqualTo(11);
                    });
                    assertThat(replyTo(text, "sat 11am")).contains("11:00 AM");
                    assertThat(replyTo(text, "who will call me?")).contains("Jorge").contains("11:00 AM");
                    assertThat(replyTo(text, "what would your commission be?")).as("a human answers that").contains("(no reply)");
                }),
                DynamicTest.dynamicTest("books-then-cancels", () -> {
                    String text = playScripted("books-then-cancels", BotType.BUYER, "Can we see a few homes this weekend?",
                            "el sábado a las 12", "I need to cancel the appointment");
                    assertThat(platform.ghl().calendars().appointmentsOf("loc-booking-books-then-cancels")).as(text)
                            .singleElement().satisfies(a -> {
                                assertThat(a.calendarId()).isEqualTo("local-cal-showing");
                                assertThat(a.status()).isEqualTo("cancelled");
                            });
                    assertThat(platform.ghl().calendars().appointmentsOf("loc-booking-books-then-cancels").getFirst()
                            .start().atZone(CHICAGO).getHour()).isEqualTo(12);
                    assertThat(replyTo(text, "I need to cancel the appointment")).containsAnyOf("cancelled", "cancelada", "cancelé");
                }),
                DynamicTest.dynamicTest("answers-the-offer-without-choosing-then-chooses", () -> {
                    String text = playScripted("answers-without-choosing", BotType.SELLER, "Can Jorge call me?", "ok",
                            "what were the times again?", "the 2nd one", "Can we see a few homes this weekend?");
                    assertThat(replyTo(text, "ok")).as("the offer is not repeated").doesNotContain("1) ").doesNotContain("(no reply)");
                    String again = replyTo(text, "what were the times again?");
                    assertThat(again).as("but shown again when asked").contains("1) ").contains("2) ");
                    var appointments = platform.ghl().calendars().appointmentsOf("loc-booking-answers-without-choosing");
                    assertThat(appointments).as(text).singleElement().satisfies(a -> assertThat(again)
                            .contains("2) " + a.start().atZone(CHICAGO).format(java.time.format.DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", java.util.Locale.US))));
                    assertThat(replyTo(text, "Can we see a few homes this weekend?")).as("after the hand-off: the booked time")
                            .doesNotContain("(no reply)").contains("Jorge");
                }),
                DynamicTest.dynamicTest("answers-with-own-window", () -> {
                    String text = playScripted("answers-with-own-window", BotType.SELLER, "Can Jorge call me?",
                            "any time after 8pm tomorrow");
                    assertThat(platform.ghl().calendars().appointmentsOf("loc-booking-answers-with-own-window")).isEmpty();
                    assertThat(replyTo(text, "any time after 8pm tomorrow")).containsAnyOf("preferred time", "time you gave");
                    FakeGhlServer.Call task = platform.ghl().callsFor("loc-booking-answers-with-own-window").stream()
                            .filter(c -> c.path().endsWith("/tasks")).findFirst().orElseThrow();
                    assertThat(task.body().path("title").asText()).contains("preferred time");
                }));
    }

    /** The bot's line right after the lead's {@code leadText} in a transcript. */
    private static String replyTo(String transcript, String leadText) {
        String after = transcript.substring(transcript.indexOf("lead ▸ " + leadText));
        String[] lines = after.split("\n");
        return lines.length > 1 ? lines[1] : "";
    }

    private static final java.time.ZoneId CHICAGO = java.time.ZoneId.of("America/Chicago");

    private static String playScripted(String id, BotType side, String... texts) throws Exception {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        DemoConversations demo = new DemoConversations(platform, new PrintStream(transcript, true, StandardCharsets.UTF_8),
                "loc-booking");
        Persona lead = new Persona(id, "a scripted booking lead", side, "Lee", "+1 512 555 0190", List.of(texts),
                new ExpectedOutcome(Temperature.COLD, null, false, null, null, null, null, null));
        demo.play(lead);
        return transcript.toString(StandardCharsets.UTF_8);
    }

    private static void play(Persona persona) throws Exception {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        DemoConversations demo = new DemoConversations(platform, new PrintStream(transcript, true, StandardCharsets.UTF_8),
                "loc-personas");
        DemoConversations.Outcome outcome = demo.play(persona);
        String text = transcript.toString(StandardCharsets.UTF_8);

        assertThat(outcome.matchesExpectation()).as(text).isTrue();
        Set<String> sentToGhl = crmActionsAtGhl("loc-personas-" + persona.id());
        assertThat(sentToGhl).as(text).containsAll(persona.expected().actions());
        assertThat(sentToGhl).as(text).doesNotContainAnyElementsOf(persona.expected().absentActions());
    }

    /** The GHL API calls made for a contact, named the way the personas name CRM actions. */
    private static Set<String> crmActionsAtGhl(String contactId) throws Exception {
        Set<String> opportunityPaths = new HashSet<>();
        try (Connection c = schema.connect();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT opportunity_id FROM opportunities WHERE contact_id = ?")) {
            ps.setString(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) opportunityPaths.add("/opportunities/" + rs.getString(1));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (FakeGhlServer.Call call : platform.ghl().calls()) {
            boolean forContact = call.path().contains(contactId) || contactId.equals(call.body().path("contactId").asText())
                    || opportunityPaths.contains(call.path());
            if (!forContact) continue;
            JsonNode body = call.body();
            if (call.path().endsWith("/tags")) body.path("tags").forEach(t -> out.add("AddTags:" + t.asText()));
            if (call.path().endsWith("/tasks")) out.add("HandOff");
            if (call.path().startsWith("/opportunities")) {
                out.add("MoveOpportunity:" + STAGE_NAMES_BY_ID.get(body.path("pipelineStageId").asText()));
            }
            if (call.method().equals("PUT") && call.path().equals("/contacts/" + contactId)) {
                if (body.path("dnd").asBoolean()) out.add("MarkDoNotDisturb");
                body.path("customFields").forEach(f -> out.add("UpdateFields:" + f.path("key").asText()));
            }
        }
        return out;
    }
}
