package com.jorge.platform.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The keyword rules of {@code lexicon.txt}: slot values and intent cues, as compiled patterns. */
final class Lexicon {

    record SlotRule(SlotName slot, String value, StartFilteredPattern pattern) {}

    record Cue(int start, int end) {}

    private final Map<SlotName, List<SlotRule>> slotRules;
    private final Map<Intent, List<StartFilteredPattern>> intentCues;

    private Lexicon(Map<SlotName, List<SlotRule>> slotRules, Map<Intent, List<StartFilteredPattern>> intentCues) {
        this.slotRules = slotRules;
        this.intentCues = intentCues;
    }

    static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon resource missing: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon parse(List<String> lines, String source) {
        Map<SlotName, List<SlotRule>> slots = new EnumMap<>(SlotName.class);
        Map<Intent, List<StartFilteredPattern>> intents = new EnumMap<>(Intent.class);
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int arrow = line.indexOf(" => ");
            if (arrow < 0) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": expected 'KIND NAME [value] => regex'");
            }
            String[] head = line.substring(0, arrow).trim().split("\\s+");
            StartFilteredPattern pattern;
            try {
                pattern = StartFilteredPattern.of(Pattern.compile(line.substring(arrow + 4).trim()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": bad regex: " + e.getDescription(), e);
            }
            switch (head[0]) {
                case "SLOT" -> {
                    if (head.length != 3) {
                        throw new IllegalArgumentException(source + ":" + lineNo + ": SLOT needs a name and a value");
                    }
                    SlotName name = SlotName.valueOf(head[1]);
                    slots.computeIfAbsent(name, k -> new ArrayList<>()).add(new SlotRule(name, head[2], pattern));
                }
                case "INTENT" -> intents.computeIfAbsent(Intent.valueOf(head[1]), k -> new ArrayList<>()).add(pattern);
                default -> throw new IllegalArgumentException(source + ":" + lineNo + ": unknown kind " + head[0]);
            }
        }
        return new Lexicon(slots, intents);
    }

    List<SlotRule> rules(SlotName slot) {
        return slotRules.getOrDefault(slot, List.of());
    }

    /** Every place where a cue of {@code intent} occurs in the folded text. */
    List<Cue> cues(Intent intent, String folded) {
        List<Cue> found = new ArrayList<>();
        for (StartFilteredPattern p : intentCues.getOrDefault(intent, List.of())) {
            StartFilteredPattern.Search search = p.search(folded);
            while (search.find()) {
                found.add(new Cue(search.start(), search.end()));
            }
        }
        return found;
    }

    boolean hasCue(Intent intent, String folded) {
        for (StartFilteredPattern p : intentCues.getOrDefault(intent, List.of())) {
            if (p.foundIn(folded)) {
                return true;
            }
        }
        return false;
    }
}
