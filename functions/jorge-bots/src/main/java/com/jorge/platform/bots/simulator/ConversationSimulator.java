package com.jorge.platform.bots.simulator;

import com.jorge.platform.bots.compliance.LeadZoneResolver;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a persona against a policy in-process, keeping the conversation state between texts the way
 * the worker does, with the lead answering a few minutes after each reply.
 */
public final class ConversationSimulator {

    public static final Duration BETWEEN_MESSAGES = Duration.ofMinutes(3);

    private final ConversationPolicy policy;
    private final LeadZoneResolver zones;
    private final ZoneId locationZone;

    public ConversationSimulator(ConversationPolicy policy, ZoneId locationZone) {
        this.policy = policy;
        this.zones = LeadZoneResolver.load();
        this.locationZone = locationZone;
    }

    public SimulationResult run(Persona persona, Instant start) {
        LeadRef lead = new LeadRef("sim-location", "sim-" + persona.id());
        ZoneId leadZone = zones.leadZone(locationZone, persona.phone());
        ConversationState state = ConversationState.fresh(persona.startsAs());
        Instant now = start;
        List<SimulationResult.Exchange> transcript = new ArrayList<>();
        int n = 0;
        for (String text : persona.messages()) {
            now = now.plus(BETWEEN_MESSAGES);
            ConversationContext context = new ConversationContext(lead, persona.firstName(), state, leadZone, now);
            BotTurn turn = policy.respond(context, new InboundText(persona.id() + "-" + n++, text, "SMS", now));
            transcript.add(new SimulationResult.Exchange(text, turn.replies(), turn.actions()));
            state = turn.nextState();
        }
        return new SimulationResult(persona, transcript, state);
    }
}
