package com.jorge.platform.bots.simulator;

import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.CrmAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One persona's conversation as the bot handled it, and how it compares with the expected outcome. */
public record SimulationResult(Persona persona, List<Exchange> transcript, ConversationState finalState) {

    /** One inbound text and what the bot did about it. */
    public record Exchange(String inbound, List<String> replies, List<CrmAction> actions) {}

    public SimulationResult {
        transcript = List.copyOf(transcript);
    }

    public List<CrmAction> actions() {
        return transcript.stream().flatMap(e -> e.actions().stream()).toList();
    }

    public List<String> actionDescriptors() {
        return actions().stream().flatMap(a -> ExpectedOutcome.describe(a).stream()).distinct().toList();
    }

    /** Every way the conversation differs from the persona's expected outcome; empty when it matches. */
    public List<String> mismatches() {
        ExpectedOutcome expected = persona.expected();
        List<String> problems = new ArrayList<>();
        check(problems, "temperature", expected.temperature(), finalState.temperature());
        check(problems, "stage", expected.stage(), finalState.stage());
        check(problems, "optedOut", expected.optedOut(), finalState.optedOut());
        check(problems, "language", expected.language(), finalState.language());
        check(problems, "botType", expected.botType(), finalState.botType());
        List<String> done = actionDescriptors();
        for (String action : expected.actions()) {
            if (!done.contains(action)) {
                problems.add("missing action " + action);
            }
        }
        for (String action : expected.absentActions()) {
            if (done.contains(action)) {
                problems.add("unexpected action " + action);
            }
        }
        for (Map.Entry<String, String> fact : expected.facts().entrySet()) {
            check(problems, "fact " + fact.getKey(), fact.getValue(), finalState.facts().get(fact.getKey()));
        }
        boolean optedOut = false;
        for (Exchange exchange : transcript) {
            if (optedOut && !exchange.replies().isEmpty()) {
                problems.add("texted after the opt-out: " + exchange.replies());
            }
            optedOut |= exchange.actions().stream().anyMatch(a -> a instanceof CrmAction.MarkDoNotDisturb);
        }
        return problems;
    }

    /** The conversation as text, for logs and the local demo (the persona's texts are fictional). */
    public String describe() {
        StringBuilder out = new StringBuilder(persona.id()).append(" (").append(persona.description()).append(")\n");
        for (Exchange exchange : transcript) {
            out.append("  lead: ").append(exchange.inbound()).append('\n');
            exchange.replies().forEach(reply -> out.append("  bot:  ").append(reply).append('\n'));
            List<String> actions = exchange.actions().stream()
                    .flatMap(a -> ExpectedOutcome.describe(a).stream()).toList();
            if (!actions.isEmpty()) {
                out.append("  crm:  ").append(String.join(", ", actions)).append('\n');
            }
        }
        out.append("  => ").append(finalState.temperature()).append(", stage ").append(finalState.stage())
                .append(", ").append(finalState.botType()).append(", ").append(finalState.language())
                .append(finalState.optedOut() ? ", opted out" : "").append('\n');
        return out.toString();
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
