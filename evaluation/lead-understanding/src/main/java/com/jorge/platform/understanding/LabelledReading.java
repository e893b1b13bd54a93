package com.jorge.platform.understanding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second hand's labels of the same messages, read back as if an understander had produced them, so that
 * {@link CorpusEvaluation} scores one labelling against another with exactly the scorer that scores the
 * understander: how far two careful labellers agree is the ceiling any reader of their labels can reach.
 * Messages are matched by text and side, in file order where a text repeats; a message the second file lacks
 * fails with its position, never silently.
 */
final class LabelledReading implements MessageUnderstander {

    private final Map<String, Deque<LabelledMessage>> byText = new HashMap<>();

    LabelledReading(List<LabelledMessage> labels) {
        for (LabelledMessage m : labels) {
            byText.computeIfAbsent(key(m.text(), m.side()), k -> new ArrayDeque<>()).add(m);
        }
    }

    @Override
    public MessageUnderstanding understand(String text, LeadSide side) {
        Deque<LabelledMessage> queue = byText.get(key(text, side));
        if (queue == null || queue.isEmpty()) {
            throw new IllegalArgumentException("the second labelling has no message with this text and side " + side
                    + " (" + text.length() + " characters)");
        }
        LabelledMessage m = queue.poll();
        // spans are not labelled; the scorer compares names and values only
        List<Slot> slots = m.slots().stream().map(e -> new Slot(e.name(), e.value(), 0, 0)).toList();
        return new MessageUnderstanding(m.language(), slots, m.intents(), m.optOut());
    }

    private static String key(String text, LeadSide side) {
        return side + "\u0000" + text;
    }
}
