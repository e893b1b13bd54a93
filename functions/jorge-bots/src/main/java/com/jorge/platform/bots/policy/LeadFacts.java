package com.jorge.platform.bots.policy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts of one conversation while a message is handled: read from the stored state, updated
 * with what the message adds, written back into the next state. Records which keys changed so the
 * CRM fields are updated only for those.
 */
public final class LeadFacts {

    /** How many follow-ups in a row the lead left unanswered (reset by any text of theirs). */
    public static final String UNANSWERED_FOLLOW_UPS = "bot.followups_unanswered";
    /** The question the bot asked last, so a bare "yes" or "no" answers it. */
    public static final String LAST_QUESTION = "bot.last_question";
    /** The lead score of the last assessment, and the model version that gave it (the worker's lead_scores row). */
    public static final String SCORE = "bot.score";
    public static final String SCORE_MODEL_VERSION = "bot.score_model_version";

    private final Map<String, String> values;
    private final Map<String, String> changed = new LinkedHashMap<>();

    public LeadFacts(Map<String, String> stored) {
        this.values = new TreeMap<>(stored);
    }

    public boolean has(Fact fact) {
        return values.containsKey(fact.key());
    }

    public String get(Fact fact) {
        return values.get(fact.key());
    }

    public boolean hasSignal(Signal signal) {
        return values.containsKey(signal.key());
    }

    public String raw(String key) {
        return values.get(key);
    }

    public int count(String key) {
        String value = values.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0; // a hand-edited or foreign value counts as none
        }
    }

    /** Integer months of a timeline fact, or -1 when unknown or not a number. */
    public int months(Fact fact) {
        String value = get(fact);
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Stores a value; many-valued facts gather distinct values. Returns whether anything changed. */
    public boolean put(Fact fact, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String next = value.strip();
        if (fact.manyValued() && has(fact)) {
            Set<String> all = new LinkedHashSet<>(Arrays.asList(get(fact).split("; ")));
            all.add(next);
            next = String.join("; ", all);
        }
        return set(fact.key(), next);
    }

    public boolean mark(Signal signal) {
        return set(signal.key(), "true");
    }

    public void setCount(String key, int count) {
        values.put(key, Integer.toString(count));
    }

    public void setInternal(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    private boolean set(String key, String value) {
        String previous = values.put(key, value);
        if (value.equals(previous)) {
            return false;
        }
        changed.put(key, value);
        return true;
    }

    /** Lead facts changed while handling this message (signals and bookkeeping excluded). */
    public Map<String, String> changedFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        changed.forEach((key, value) -> {
            if (key.startsWith("seller.") || key.startsWith("buyer.") || key.startsWith("lead.")) {
                facts.put(key, value);
            }
        });
        return facts;
    }

    public boolean anyOf(String prefix) {
        return values.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
