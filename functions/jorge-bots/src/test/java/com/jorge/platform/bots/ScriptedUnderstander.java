package com.jorge.platform.bots;

import com.jorge.platform.understanding.Intent;
import com.jorge.platform.understanding.LeadSide;
import com.jorge.platform.understanding.MessageUnderstander;
import com.jorge.platform.understanding.MessageUnderstanding;
import com.jorge.platform.understanding.Slot;
import com.jorge.platform.understanding.SlotName;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fixed readings for the texts a decision test sends, so the policy's decisions are tested apart
 * from the extractor's accuracy (measured on its corpus) and the personas exercise both together.
 * An unscripted text fails the test rather than reading as nothing.
 */
final class ScriptedUnderstander implements MessageUnderstander {

    private final Map<String, MessageUnderstanding> readings = new HashMap<>();
    final List<LeadSide> sidesSeen = new ArrayList<>();

    Reading when(String text) {
        return new Reading(text);
    }

    @Override
    public MessageUnderstanding understand(String text, LeadSide side) {
        sidesSeen.add(side);
        MessageUnderstanding reading = readings.get(text);
        if (reading == null) {
            throw new AssertionError("no scripted reading for: " + text);
        }
        return reading;
    }

    final class Reading {
        private final String text;
        private String language = "en";
        private final List<Slot> slots = new ArrayList<>();
        private final Set<Intent> intents = EnumSet.noneOf(Intent.class);

        Reading(String text) {
            this.text = text;
            save();
        }

        Reading spanish() {
            language = "es";
            return save();
        }

        Reading slot(SlotName name, String value) {
            slots.add(new Slot(name, value, 0, text.length()));
            return save();
        }

        Reading intent(Intent... found) {
            intents.addAll(List.of(found));
            return save();
        }

        private Reading save() {
            Set<Intent> all = intents.isEmpty() ? EnumSet.of(Intent.OTHER) : EnumSet.copyOf(intents);
            readings.put(text, new MessageUnderstanding(language, slots, all, intents.contains(Intent.OPT_OUT)));
            return this;
        }
    }
}
