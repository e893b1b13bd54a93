package com.jorge.platform.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TreeSet;

/** Prints id TAB intents (sorted, comma separated) TAB optOut for each message of each corpus file given, read by this commit's understander. */
public final class FreshIntents {
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));
        LeadMessageUnderstander u = rulesAlone(LeadMessageUnderstander.load(clock));
        ObjectMapper json = new ObjectMapper();
        for (String file : args) {
            String part = Path.of(file).getFileName().toString().replace(".jsonl", "");
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                LeadSide side = n.has("side") ? LeadSide.valueOf(n.get("side").asText()) : LeadSide.UNKNOWN;
                MessageUnderstanding m = u.understand(n.get("text").asText(), side);
                TreeSet<String> names = new TreeSet<>();
                m.intents().forEach(i -> names.add(i.name()));
                System.out.println(part + "\t" + n.get("id").asText() + "\t" + String.join(",", names) + "\t" + m.optOut());
            }
        }
    }

    /**
     * The rules' reading: since the tenth round a commit's default adds the stacked reader's intents, so it is switched off where
     * the commit has the switch (eleventh round); before the ninth round there was none and the rules were all there was.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static LeadMessageUnderstander rulesAlone(LeadMessageUnderstander u) throws Exception {
        Class<?> reading;
        try {
            reading = Class.forName("com.jorge.platform.understanding.LeadMessageUnderstander$IntentReading");
        } catch (ClassNotFoundException before) {
            return u;
        }
        Object rules = Enum.valueOf((Class) reading, "RULES");
        return (LeadMessageUnderstander) LeadMessageUnderstander.class.getMethod("withIntentReader", reading).invoke(u, rules);
    }
}
