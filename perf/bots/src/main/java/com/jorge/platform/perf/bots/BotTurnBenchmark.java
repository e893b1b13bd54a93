package com.jorge.platform.perf.bots;

import com.jorge.platform.bots.BotSettings;
import com.jorge.platform.bots.JorgeConversationPolicy;
import com.jorge.platform.bots.simulator.Persona;
import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.InboundText;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import com.jorge.platform.understanding.LeadSide;
import com.jorge.platform.understanding.MessageUnderstander;
import com.jorge.platform.understanding.MessageUnderstanding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one whole bot turn as the worker calls it, {@code JorgeConversationPolicy.respond}:
 * understand the text (patterns and, where needed, the MiniLM embedding), decide the next step
 * (state machine, temperature, CRM actions, quiet hours) and word the template reply. Sampled per
 * message (JMH SampleTime: p50/p99/p99.9).
 * <ul>
 *   <li>{@code respond} / {@code personas}: the ten personas' conversations replayed in order, each
 *       time as a new lead, so every message meets the state it would meet in production;</li>
 *   <li>{@code respond} / {@code embedding}: first messages the lexicon has no words for, so every
 *       turn includes the embedding call: the worst case;</li>
 *   <li>{@code respond} / {@code booking}: conversations that ask for a call or a showing, choose a
 *       slot however written ("the 2nd one", "sat 10am", "el sábado a las 10", "any time after 5
 *       tomorrow"), answer the standing offer without choosing ("ok") or ask for its times again,
 *       move it and ask about it: the slot offer, the choice reading and the booking
 *       actions, against an in-memory calendar (GHL's free-slots call is I/O, not timed here);</li>
 *   <li>{@code decideAndReply}: the personas with every text read beforehand: the policy's own
 *       share, without understanding.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class BotTurnBenchmark {

    private static final Instant MORNING = Instant.parse("2026-06-10T15:00:00Z"); // 10:00 in Chicago
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Param({"personas", "embedding", "booking"})
    public String messages;

    private record Script(BotType side, String firstName, List<String> texts) {}

    private JorgeConversationPolicy policy;
    private JorgeConversationPolicy policyOnly;
    private List<Script> scripts;
    private Conversation live;
    private Conversation precomputed;

    @Setup(Level.Trial)
    public void load() {
        LeadMessageUnderstander understander = LeadMessageUnderstander.load();
        policy = JorgeConversationPolicy.create(BotSettings.defaults(), understander);
        scripts = new ArrayList<>();
        if (messages.equals("booking")) {
            scripts.add(new Script(BotType.SELLER, "Rosa", List.of("Hi, can Jorge give me a call?", "ok",
                    "what were the times again?", "the 2nd one", "can we move it?", "sat 10am", "who will call me?", "thanks!")));
            scripts.add(new Script(BotType.BUYER, "Ana", List.of("Can we see a few homes this weekend?",
                    "el sábado a las 10", "¿podemos cambiar la cita?", "any time after 5 tomorrow", "great")));
        } else if (messages.equals("embedding")) {
            for (String text : UnderstandBenchmark.EMBEDDING_PATH) {
                scripts.add(new Script(BotType.BUYER, "Sam", List.of(text)));
            }
        } else {
            for (Persona persona : Personas.all()) {
                scripts.add(new Script(persona.startsAs(), persona.firstName(), persona.messages()));
            }
        }
        Map<String, MessageUnderstanding> readings = new HashMap<>();
        for (Script script : scripts) {
            for (String text : script.texts()) {
                for (LeadSide side : LeadSide.values()) {
                    readings.put(side + "|" + text, understander.understand(text, side));
                }
            }
        }
        MessageUnderstander lookup = (text, side) -> readings.get(side + "|" + text);
        policyOnly = JorgeConversationPolicy.create(BotSettings.defaults(), lookup);
        if (messages.equals("booking")) {
            policy = policy.withCalendar(BotTurnBenchmark::hourlySlots);
            policyOnly = policyOnly.withCalendar(BotTurnBenchmark::hourlySlots);
        }
        live = new Conversation(policy);
        precomputed = new Conversation(policyOnly);
    }

    @Benchmark
    public BotTurn respond() {
        return live.next();
    }

    @Benchmark
    public BotTurn decideAndReply() {
        return precomputed.next();
    }

    /** A team calendar open 09:00-16:00 Chicago time, hourly, every day: what GHL's free slots would list. */
    static List<Instant> hourlySlots(LeadRef lead, AppointmentPurpose purpose, Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        for (var day = from.atZone(CHICAGO).toLocalDate(); !day.atStartOfDay(CHICAGO).toInstant().isAfter(to); day = day.plusDays(1)) {
            for (int hour = 9; hour <= 16; hour++) {
                Instant slot = day.atTime(hour, 0).atZone(CHICAGO).toInstant();
                if (!slot.isBefore(from) && slot.isBefore(to)) out.add(slot);
            }
        }
        return out;
    }

    /** Walks the scripts message by message, a new lead for each conversation. */
    private final class Conversation {
        private final JorgeConversationPolicy policy;
        private int script;
        private int step;
        private long leads;
        private LeadRef lead;
        private ConversationState state;
        private Instant now;

        Conversation(JorgeConversationPolicy policy) {
            this.policy = policy;
        }

        BotTurn next() {
            Script current = scripts.get(script);
            if (step == 0) {
                lead = new LeadRef("bench", "lead-" + leads++);
                state = ConversationState.fresh(current.side());
                now = MORNING;
            }
            now = now.plusSeconds(120);
            BotTurn turn = policy.respond(new ConversationContext(lead, current.firstName(), state, CHICAGO, now),
                    new InboundText("m" + step, current.texts().get(step), "SMS", now));
            state = turn.nextState();
            if (++step == current.texts().size()) {
                step = 0;
                script = (script + 1) % scripts.size();
            }
            return turn;
        }
    }
}
