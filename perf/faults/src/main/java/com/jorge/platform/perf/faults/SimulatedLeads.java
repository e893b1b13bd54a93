package com.jorge.platform.perf.faults;

import com.jorge.platform.bots.simulator.Persona;

import java.util.List;

/**
 * Turns the n-th arrival into a text from a simulated lead: {@code lanes} leads are in conversation at
 * once, each playing one of the bots' personas, texting its script one message per round; a lead that
 * finished its script is replaced by a new one. With lanes = 15 x rate each lead texts about every 15 s.
 */
final class SimulatedLeads {

    /** Sub-accounts: GHL allows 100 API calls per 10 s per location, so the load spreads over many. */
    static final int LOCATIONS = 100;

    record Text(String locationId, String contactId, String body) {}

    private final String runId;
    private final List<Persona> personas;
    private final int lanes;

    SimulatedLeads(String runId, List<Persona> personas, int lanes) {
        this.runId = runId;
        this.personas = personas;
        this.lanes = Math.max(1, lanes);
    }

    Text next(int arrival) {
        int lane = arrival % lanes;
        int round = arrival / lanes;
        Persona persona = personas.get(lane % personas.size());
        List<String> script = persona.messages();
        int generation = round / script.size();
        return new Text("loc-" + runId + "-" + (lane % LOCATIONS), runId + "-" + persona.id() + "-" + lane + "-" + generation,
                script.get(round % script.size()));
    }
}
