package com.jorge.platform.bots.simulator;

import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.reply.SmsSegments;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every persona end to end through the real understanding model and the real policy, in-process. */
class PersonaSimulationTest {

    static final Instant MORNING = Instant.parse("2026-06-10T15:00:00Z"); // 10:00 in Chicago, 08:00 in Los Angeles
    static ConversationSimulator simulator;

    @BeforeAll
    static void loadOnce() {
        JorgeConversationPolicy policy = JorgeConversationPolicy.create(BotSettings.defaults(), LeadMessageUnderstander.load());
        simulator = new ConversationSimulator(policy, ZoneId.of("America/Chicago"));
    }

    static List<Persona> personas() {
        return Personas.all();
    }

    @Test
    void theLibraryHasTheEightPersonasTheIssueNames() {
        assertThat(Personas.all()).extracting(Persona::id).contains("motivated-seller", "investor", "tire-kicker",
                "pre-approved-buyer", "first-time-buyer", "spanish-buyer", "lead-with-agent", "angry-opt-out");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void eachPersonaEndsWhereAGoodBotTakesIt(Persona persona) {
        SimulationResult result = simulator.run(persona, MORNING);
        assertThat(result.mismatches()).as(() -> transcript(result)).isEmpty();
        assertThat(result.transcript()).flatExtracting(SimulationResult.Exchange::replies)
                .allSatisfy(reply -> assertThat(SmsSegments.count(reply)).isBetween(1, 2));
    }

    @Test
    void aMismatchIsReportedNotSwallowed() {
        Persona agent = Personas.byId("lead-with-agent").orElseThrow();
        Persona wrong = new Persona(agent.id(), agent.description(), agent.startsAs(), agent.firstName(), agent.phone(),
                agent.messages(), new ExpectedOutcome(com.jorge.platform.conversation.Temperature.HOT, null, null, null,
                null, List.of("HandOff"), List.of("AddTags:has-agent"), null));
        assertThat(simulator.run(wrong, MORNING).mismatches()).hasSize(3);
    }

    @Test
    void aDuplicatedPersonaIdIsRefused() {
        String json = """
                {"personas": [
                  {"id": "x", "startsAs": "SELLER", "messages": ["hi"], "expected": {}},
                  {"id": "x", "startsAs": "BUYER", "messages": ["hi"], "expected": {}}]}""";
        assertThatThrownBy(() -> Personas.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("appears twice");
    }

    @Test
    void aPersonaWithoutTextsOrWithAnUnknownFieldIsRefused() {
        String empty = """
                {"personas": [{"id": "quiet", "startsAs": "SELLER", "messages": [], "expected": {}}]}""";
        assertThatThrownBy(() -> Personas.parse(new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8))))
                .hasStackTraceContaining("persona quiet has no messages");
        String typo = """
                {"personas": [{"id": "t", "startsAs": "SELLER", "messages": ["hi"], "expected": {"temprature": "HOT"}}]}""";
        assertThatThrownBy(() -> Personas.parse(new ByteArrayInputStream(typo.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("temprature");
    }

    static String transcript(SimulationResult result) {
        return result.describe() + "  reasons: " + result.finalState().temperatureReasons()
                + "\n  facts: " + result.finalState().facts();
    }
}
