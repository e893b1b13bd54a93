package com.jorge.platform.bots.simulator;

import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeConversationPolicy;

import java.time.ZoneId;

/** Prints every persona's conversation (a manual look at the replies; not a test). */
final class PrintPersonas {
    public static void main(String[] args) {
        ConversationSimulator simulator = new ConversationSimulator(
                JorgeConversationPolicy.create(BotSettings.defaults()), ZoneId.of("America/Chicago"));
        for (Persona persona : Personas.all()) {
            System.out.println(simulator.run(persona, PersonaSimulationTest.MORNING).describe());
        }
    }
}
