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
        LeadMessageUnderstander u = LeadMessageUnderstander.load(clock);
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
}
